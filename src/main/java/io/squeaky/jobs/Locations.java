package io.squeaky.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.UnsupportedFileSystemSchemeException;

/**
 * Paths a user names on the command line, checked before a job starts: a mistake here should cost
 * one line, not a stack trace after the whole job has run.
 */
final class Locations {

    private Locations() {}

    /** The file system a path lives on; an unknown scheme says which plugin would serve it. */
    static FileSystem fileSystem(String path, String option) {
        URI uri = new Path(path).toUri();
        try {
            return FileSystem.get(uri);
        } catch (UnsupportedFileSystemSchemeException e) {
            throw new IllegalArgumentException(missingPlugin(option, path, uri.getScheme()), e);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(
                    "cannot open " + option + " " + path + ": " + firstLine(e), e);
        }
    }

    static String missingPlugin(String option, String path, String scheme) {
        String plugin =
                switch (scheme == null ? "" : scheme) {
                    case "s3", "s3a", "s3p" -> "flink-s3-fs-hadoop (or flink-s3-fs-presto)";
                    case "gs" -> "flink-gs-fs-hadoop";
                    case "abfs", "abfss", "wasb", "wasbs" -> "flink-azure-fs-hadoop";
                    case "oss" -> "flink-oss-fs-hadoop";
                    case "hdfs" -> "a Hadoop installation (HADOOP_CLASSPATH)";
                    default -> "the Flink file-system plugin for '" + scheme + "'";
                };
        return option
                + " "
                + path
                + ": no file system for '"
                + scheme
                + "://' on this classpath; add "
                + plugin
                + " (on a cluster: under plugins/ of the Flink distribution, see the README's"
                + " cluster section)";
    }

    /** Every input path exists: a typo is found now, not as an empty run. */
    static void inputsExist(List<String> paths, String option) {
        for (String path : paths) {
            FileSystem fs = fileSystem(path, option);
            try {
                if (!fs.exists(new Path(path))) {
                    throw new IllegalArgumentException(
                            option + " " + path + ": no such file or folder");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read " + option + " " + path + ": " + firstLine(e), e);
            }
        }
    }

    /**
     * The first few kilobytes of the first file under a path (a folder is searched in name order,
     * hidden files skipped), inflated when gzipped; empty when there is none.
     */
    static String head(String path) {
        try {
            FileSystem fs = FileSystem.get(new Path(path).toUri());
            Path file = firstFile(fs, new Path(path));
            if (file == null) {
                return "";
            }
            try (InputStream raw = fs.open(file);
                    InputStream in =
                            file.getName().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                return new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    private static Path firstFile(FileSystem fs, Path path) throws IOException {
        FileStatus status = fs.getFileStatus(path);
        if (!status.isDir()) {
            return path;
        }
        FileStatus[] entries = fs.listStatus(path);
        if (entries == null) {
            return null;
        }
        Arrays.sort(entries, Comparator.comparing(e -> e.getPath().getName()));
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            Path found = firstFile(fs, entry.getPath());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
