package io.squeaky.jobs;

import java.io.IOException;
import java.util.Optional;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The newest state a streaming run left to continue from: a savepoint taken when it was stopped, or
 * the last checkpoint it completed before it was cancelled or killed. Either holds the Kafka
 * offsets, the open cases and the files still pending, so the run continues without a row lost or
 * written twice.
 */
final class RunState {

    private RunState() {}

    static Optional<String> newest(String savepoints, String checkpoints) throws IOException {
        Newest newest = new Newest();
        // savepoints/savepoint-<id>/_metadata
        newest.scan(new Path(savepoints), 1);
        // checkpoints/<job id>/chk-<n>/_metadata
        newest.scan(new Path(checkpoints), 2);
        return Optional.ofNullable(newest.path);
    }

    private static final class Newest {
        private String path;
        private long modified = Long.MIN_VALUE;

        void scan(Path dir, int depth) throws IOException {
            FileSystem fs = dir.getFileSystem();
            if (!fs.exists(dir)) {
                return;
            }
            FileStatus[] entries = fs.listStatus(dir);
            if (entries == null) {
                return;
            }
            for (FileStatus entry : entries) {
                if (!entry.isDir()) {
                    continue;
                }
                if (depth > 1) {
                    scan(entry.getPath(), depth - 1);
                    continue;
                }
                Path metadata = new Path(entry.getPath(), "_metadata");
                if (fs.exists(metadata)) {
                    long time = fs.getFileStatus(metadata).getModificationTime();
                    if (time > modified) {
                        modified = time;
                        path = entry.getPath().toUri().toString();
                    }
                }
            }
        }
    }
}
