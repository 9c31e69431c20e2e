package io.squeaky.jobs;

import io.squeaky.flink.OutputTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.Path;

/**
 * The folder one run writes its tables to. A table must never hold two runs' rows, so a folder an
 * earlier run wrote to is refused unless the user says to replace it ({@code --overwrite}) or, for
 * a streaming run, to continue the run it holds ({@code --resume}).
 */
public final class OutputFolder {

    /** Streaming state under the output folder: checkpoints and savepoints of the run there. */
    static final String STATE = "_state";

    private final String output;
    private final FileSystem fs;
    private final Path root;

    public OutputFolder(String output) {
        this.output = output;
        this.fs = Locations.fileSystem(output, "--output");
        // Checkpoint storage wants a scheme: a plain local path becomes file:///...
        this.root = new Path(output).makeQualified(fs);
    }

    String checkpoints() {
        return new Path(new Path(root, STATE), "checkpoints").toUri().toString();
    }

    public String savepoints() {
        return new Path(new Path(root, STATE), "savepoints").toUri().toString();
    }

    /**
     * Makes the folder ready for a new run, or checks that it holds the run to resume. {@code
     * continueHint} is what the refusal suggests besides {@code --overwrite} (empty for batch).
     */
    void claim(boolean overwrite, boolean resuming, String continueHint) {
        try {
            List<FileStatus> earlier = earlierRun();
            if (resuming) {
                if (earlier.isEmpty()) {
                    throw new IllegalArgumentException(
                            "--resume: --output " + output + " holds no earlier run to continue");
                }
            } else if (!earlier.isEmpty()) {
                if (!overwrite) {
                    throw new IllegalArgumentException(
                            "--output "
                                    + output
                                    + " already holds the tables of an earlier run; give"
                                    + " --overwrite to replace them"
                                    + continueHint
                                    + ", or choose a new folder");
                }
                for (FileStatus entry : earlier) {
                    fs.delete(entry.getPath(), true);
                }
            }
            fs.mkdirs(root);
            Path probe = new Path(root, "_squeaky-write-check");
            fs.create(probe, WriteMode.OVERWRITE).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot write to --output " + output + ": " + Locations.firstLine(e), e);
        }
    }

    /** The tables and state an earlier run left; an unrelated non-empty folder is refused. */
    private List<FileStatus> earlierRun() throws IOException {
        if (!fs.exists(root)) {
            return List.of();
        }
        if (!fs.getFileStatus(root).isDir()) {
            throw new IllegalArgumentException(
                    "--output " + output + " is a file; give a folder for the tables");
        }
        FileStatus[] entries = fs.listStatus(root);
        List<FileStatus> ours = new ArrayList<>();
        for (FileStatus entry : entries == null ? new FileStatus[0] : entries) {
            String name = entry.getPath().getName();
            if (OutputTables.ALL.contains(name) || name.equals(STATE)) {
                ours.add(entry);
            }
        }
        if (ours.isEmpty() && entries != null && entries.length > 0) {
            throw new IllegalArgumentException(
                    "--output "
                            + output
                            + " is not empty and holds no Squeaky tables; choose a new or empty"
                            + " folder");
        }
        return ours;
    }
}
