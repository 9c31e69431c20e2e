package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePiecesTest {

    @TempDir Path dir;

    @Test
    void largeUncompressedFilesAreCutIntoAdjoiningRangesOthersStayWhole() throws Exception {
        Files.write(dir.resolve("large.csv"), new byte[10_000]);
        Files.write(dir.resolve("large.csv.gz"), new byte[10_000]);
        Files.write(dir.resolve("small.csv"), new byte[4_096]);

        Collection<FileSourceSplit> splits = enumerate(4_096);

        List<FileSourceSplit> large = of(splits, "large.csv");
        assertThat(large).extracting(FileSourceSplit::offset).containsExactly(0L, 4096L, 8192L);
        assertThat(large).extracting(FileSourceSplit::length).containsExactly(4096L, 4096L, 1808L);
        assertThat(large).allSatisfy(s -> assertThat(s.fileSize()).isEqualTo(10_000));
        assertThat(splits).extracting(FileSourceSplit::splitId).doesNotHaveDuplicates();
        assertThat(of(splits, "large.csv.gz"))
                .extracting(FileSourceSplit::length)
                .containsExactly(10_000L);
        assertThat(of(splits, "small.csv"))
                .extracting(FileSourceSplit::length)
                .containsExactly(4_096L);
        assertThat(enumerate(0)).hasSize(3);
    }

    private Collection<FileSourceSplit> enumerate(long pieceBytes) throws Exception {
        return FilePieces.of(pieceBytes)
                .create()
                .enumerateSplits(
                        new org.apache.flink.core.fs.Path[] {
                            new org.apache.flink.core.fs.Path(dir.toUri())
                        },
                        2);
    }

    private static List<FileSourceSplit> of(Collection<FileSourceSplit> splits, String name) {
        return splits.stream()
                .filter(s -> s.path().getName().equals(name))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .toList();
    }
}
