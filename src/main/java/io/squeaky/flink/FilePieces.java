package io.squeaky.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;

/**
 * Lists the input files as the FileSource does by default, then cuts each uncompressed file larger
 * than {@code pieceBytes} into byte ranges of that size, which the source's readers take in
 * parallel. The default block splitting would not: a local file is one block. A compressed file
 * cannot be entered mid-stream and stays whole.
 */
public final class FilePieces implements FileEnumerator {

    private final long pieceBytes;

    public FilePieces(long pieceBytes) {
        this.pieceBytes = pieceBytes;
    }

    /** An enumerator provider for the FileSource; {@code pieceBytes} 0 reads every file whole. */
    public static FileEnumerator.Provider of(long pieceBytes) {
        return () -> new FilePieces(pieceBytes);
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits)
            throws IOException {
        List<FileSourceSplit> pieces = new ArrayList<>();
        for (FileSourceSplit file :
                new NonSplittingRecursiveEnumerator().enumerateSplits(paths, minDesiredSplits)) {
            long size = file.length();
            if (pieceBytes <= 0 || size <= pieceBytes || file.path().getName().endsWith(".gz")) {
                pieces.add(file);
                continue;
            }
            int k = 0;
            for (long offset = 0; offset < size; offset += pieceBytes) {
                pieces.add(
                        new FileSourceSplit(
                                file.splitId() + "-" + k++,
                                file.path(),
                                offset,
                                Math.min(pieceBytes, size - offset),
                                file.fileModificationTime(),
                                size,
                                file.hostnames()));
            }
        }
        return pieces;
    }
}
