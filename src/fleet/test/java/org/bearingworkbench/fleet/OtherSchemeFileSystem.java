package org.bearingworkbench.fleet;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under another scheme ({@code bwtest:}, registered in the tests' core-site.xml), so that a test takes
 * the job's path for a remote file system (HDFS, S3A): each machine copied to the task's disk, then removed.
 */
public class OtherSchemeFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "bwtest";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
