package org.bearingworkbench.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The service's OpenAPI 3 document ({@code openapi.json} beside this class), served at {@code GET /openapi.json}. */
final class OpenApi {
    private static volatile String document;

    private OpenApi() {}

    static String document() {
        if (document == null) {
            try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
                if (in == null) {
                    throw new IllegalStateException("openapi.json is missing from the application");
                }
                document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }
}
