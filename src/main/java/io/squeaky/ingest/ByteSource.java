package io.squeaky.ingest;

import java.io.IOException;
import java.io.InputStream;

/** A file's bytes from any offset: the FileSource opens them through Flink, tests through NIO. */
@FunctionalInterface
public interface ByteSource {

    InputStream openAt(long offset) throws IOException;
}
