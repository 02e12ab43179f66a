package org.bearingworkbench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.serve.ScoringServer;
import org.junit.jupiter.api.Test;

/**
 * The container and cluster files under {@code deploy/} cannot be run here (no Docker daemon, no cluster), so they
 * are parsed and held to what the service needs: a multi-stage, non-root image with a health check on /health that
 * starts {@code serve} on the port the manifests use; a Deployment whose probes hit /ready and /health, with resource
 * requests and limits and the model mounted from a ConfigMap where its arguments look for it; a Service on that port.
 */
class DeploymentFilesTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theImageIsMultiStageNonRootAndHealthChecked() throws Exception {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        assertEquals(2, lines.stream().filter(l -> l.startsWith("FROM ")).count(), "a build stage and a runtime stage");
        String user =
                lines.stream().filter(l -> l.startsWith("USER ")).findFirst().orElseThrow();
        assertTrue(!user.contains("root") && !user.equals("USER 0"), user);
        String health = String.join(
                "\n",
                lines.subList(
                        lines.indexOf(lines.stream()
                                .filter(l -> l.startsWith("HEALTHCHECK"))
                                .findFirst()
                                .orElseThrow()),
                        lines.size()));
        assertTrue(health.contains("http://127.0.0.1:8080/health"), health);
        assertTrue(lines.contains("EXPOSE 8080"));
        String entry = lines.stream()
                .filter(l -> l.startsWith("ENTRYPOINT "))
                .findFirst()
                .orElseThrow();
        JsonNode args = new ObjectMapper().readTree(entry.substring("ENTRYPOINT ".length()));
        List<String> a = new ArrayList<>();
        args.forEach(n -> a.add(n.asText()));
        assertTrue(
                a.containsAll(List.of("serve", "--bind", "0.0.0.0"))
                        && a.get(a.indexOf("--port") + 1).equals("8080"),
                a.toString());
        assertTrue(ScoringServer.ROUTES.contains("GET /health") && ScoringServer.ROUTES.contains("GET /ready"));
        for (String from : lines.stream().filter(l -> l.startsWith("FROM ")).toList()) {
            String image = from.split("\\s+")[1];
            assertTrue(image.matches(".+:[0-9]+\\.[0-9.]+.*"), "a base image pinned to a release: " + from);
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("|| true")), "no step whose failure is hidden");
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("JAVA_TOOL_OPTIONS") && l.contains("-XX:+ExitOnOutOfMemoryError")),
                "out of memory, the JVM exits");
    }

    @Test
    void theDeploymentProbesLimitsAndMountsTheModel() throws Exception {
        JsonNode d = YAML.readTree(DEPLOY.resolve("k8s/deployment.yaml").toFile());
        assertEquals("Deployment", d.get("kind").asText());
        JsonNode spec = d.get("spec").get("template").get("spec");
        assertTrue(spec.get("securityContext").get("runAsNonRoot").asBoolean());
        JsonNode c = spec.get("containers").get(0);
        assertEquals(
                "/ready", c.get("readinessProbe").get("httpGet").get("path").asText());
        assertEquals(
                "/health", c.get("livenessProbe").get("httpGet").get("path").asText());
        assertEquals(8080, c.get("ports").get(0).get("containerPort").asInt());
        for (String kind : new String[] {"requests", "limits"}) {
            assertTrue(
                    c.get("resources").get(kind).has("cpu")
                            && c.get("resources").get(kind).has("memory"),
                    kind);
        }
        JsonNode tokenRef = c.get("env").get(0).get("valueFrom").get("secretKeyRef");
        assertTrue(!tokenRef.path("optional").asBoolean(false), "a missing Secret must not mean an open service");
        String image = c.get("image").asText();
        assertTrue(image.matches(".+:[0-9]+\\.[0-9.]+") && !image.endsWith(":latest"), "a pinned image: " + image);
        for (JsonNode v : spec.get("volumes")) {
            if (v.has("emptyDir")) {
                assertTrue(v.get("emptyDir").has("sizeLimit"), "a scratch volume with a size limit: " + v);
            }
        }
        String modelArg = c.get("args").get(1).asText();
        assertEquals("--model", c.get("args").get(0).asText());
        JsonNode mount = c.get("volumeMounts").get(0);
        assertTrue(modelArg.startsWith(mount.get("mountPath").asText() + "/"), modelArg);
        JsonNode volume = spec.get("volumes").get(0);
        assertEquals(mount.get("name").asText(), volume.get("name").asText());
        assertEquals(
                "bearing-workbench-model", volume.get("configMap").get("name").asText());
        assertEquals(
                d.get("spec").get("selector").get("matchLabels"),
                d.get("spec").get("template").get("metadata").get("labels"));
        if (c.get("securityContext").get("readOnlyRootFilesystem").asBoolean()) {
            assertTrue(
                    Files.readString(DEPLOY.resolve("Dockerfile")).contains("javacpp.cachedir=/tmp"),
                    "a read-only root needs ND4J's native cache elsewhere");
            assertTrue(c.get("volumeMounts").findValuesAsText("mountPath").contains("/tmp"));
        }
    }

    @Test
    void theServiceSelectsTheDeploymentsPodsOnItsPort() throws Exception {
        JsonNode d = YAML.readTree(DEPLOY.resolve("k8s/deployment.yaml").toFile());
        JsonNode s = YAML.readTree(DEPLOY.resolve("k8s/service.yaml").toFile());
        assertEquals("Service", s.get("kind").asText());
        assertEquals(
                d.get("spec").get("template").get("metadata").get("labels"),
                s.get("spec").get("selector"));
        assertEquals(
                d.get("spec")
                        .get("template")
                        .get("spec")
                        .get("containers")
                        .get(0)
                        .get("ports")
                        .get(0)
                        .get("name")
                        .asText(),
                s.get("spec").get("ports").get(0).get("targetPort").asText());
        JsonNode k = YAML.readTree(DEPLOY.resolve("k8s/kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        k.get("resources").forEach(r -> resources.add(r.asText()));
        assertEquals(List.of("deployment.yaml", "service.yaml"), resources);
    }
}
