package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.SharedData;
import io.squeaky.generate.GeneratorSettings;
import io.squeaky.generate.TwcsGenerator;
import io.squeaky.records.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A TWCS file read in pieces yields exactly the records of the file read whole, in the same order
 * and with the same content, reject positions included: on every real extract, on a generated file,
 * and on a file made of every quirk the reader knows, cut at many piece sizes, at every place a row
 * could start and at random.
 */
class TwcsPieceTest {

    private static final PostFactory FACTORY =
            new PostFactory(
                    BrandRegistry.bundled(),
                    Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private static final String SOURCE = "file:/data/twcs.csv";

    /**
     * BOM, pandas index column, quoted newlines (LF and CRLF), bare carriage returns inside and
     * outside quotes, CRLF row ends, runs of blank padding rows, and rejects of several kinds.
     */
    private static final String QUIRKS =
            "\ufeff,tweet_id,author_id,inbound,created_at,text,response_tweet_id,"
                    + "in_response_to_tweet_id\r\n"
                    + "0,1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,\"@115712 line one\n"
                    + "2,3,115712,True,Tue Oct 31 22:11:45 +0000 2017 looks like a row\",2,3.0\n"
                    + "1,2,115712,True,Tue Oct 31 22:11:45 +0000 2017,bare\rreturn,,1.0\r\n"
                    + ",,,,,,,\n,,,,,,,\n\n"
                    + "2,3,115712,True,Tue Oct 31 22:08:27 +0000 2017,\"crlf\r\ninside\r\","
                    + "\"1,4\",4.0\n"
                    + "3,4,sprintcare,False,Not a date,\"@115712 \"\"quoted\"\"\",3,5.0\n"
                    + "4,5,115712,True,Tue Oct 31 21:49:35 +0000 2017,too,few\n"
                    + "5,6.0,sprintcare,False,Tue Oct 31 21:46:24 +0000 2017,\"a\n\n\nb\",5,8.0\n"
                    + ",,,,,,,\n"
                    + "6,8,115712,Maybe,Tue Oct 31 21:45:10 +0000 2017,\"x\",\"9,6,10\",\n"
                    + "7,11,sprintcare,False,Tue Oct 31 22:10:35 +0000 2017,\"\r\",,12.0\n"
                    + ",,,,,,,\n,,,,,,,\n";

    @Test
    void everyRealFileReadsTheSameAtEveryPieceSize() throws IOException {
        Path folder = SharedData.file("twcs/twcs-head5000.csv").getParent();
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            List<SourceRecord> whole = whole(bytes);
            assertThat(whole).as(file.toString()).hasSizeGreaterThan(90);
            int smallest = bytes.length > 100_000 ? 97 : 1;
            for (int size : new int[] {smallest, 7, 64, 97, 1000, 4093, 65_536, 1 << 20}) {
                if (size >= smallest) {
                    assertThat(pieces(bytes, evenCuts(bytes.length, size)))
                            .as("%s in pieces of %d bytes", file.getFileName(), size)
                            .isEqualTo(whole);
                }
            }
            assertThat(pieces(bytes, cutsAroundLineBreaks(bytes)))
                    .as("%s cut around every line feed and carriage return", file.getFileName())
                    .isEqualTo(whole);
        }
    }

    @Test
    void aGeneratedFileReadsTheSameAtEveryPieceSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorSettings settings =
                GeneratorSettings.fromArgs(
                        new String[] {"--output", "unused.csv", "--rows", "3000", "--seed", "7"});
        TwcsGenerator.generate(settings, out);
        byte[] bytes = out.toByteArray();
        List<SourceRecord> whole = whole(bytes);
        assertThat(whole).hasSizeGreaterThan(2500);
        for (int size : new int[] {61, 1000, 8192, 100_000}) {
            assertThat(pieces(bytes, evenCuts(bytes.length, size)))
                    .as("pieces of %d bytes", size)
                    .isEqualTo(whole);
        }
        assertThat(pieces(bytes, cutsAroundLineBreaks(bytes))).isEqualTo(whole);
    }

    @Test
    void theQuirksReadTheSameCutAtEveryByte() throws IOException {
        byte[] bytes = QUIRKS.getBytes(StandardCharsets.UTF_8);
        List<SourceRecord> whole = whole(bytes);
        assertThat(whole.stream().filter(r -> r.getPost() != null)).hasSize(5);
        assertThat(whole.stream().filter(r -> r.getReject() != null)).hasSize(3);
        assertThat(whole.stream().mapToLong(SourceRecord::getBlankRows).sum()).isEqualTo(6);
        for (int size = 1; size <= bytes.length; size++) {
            assertThat(pieces(bytes, evenCuts(bytes.length, size)))
                    .as("pieces of %d bytes", size)
                    .isEqualTo(whole);
        }
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(pieces(bytes, List.of(0L, (long) cut, (long) bytes.length)))
                    .as("cut at byte %d", cut)
                    .isEqualTo(whole);
        }
    }

    @Test
    void randomCutsReadTheSame() throws IOException {
        List<byte[]> files =
                List.of(
                        QUIRKS.getBytes(StandardCharsets.UTF_8),
                        Files.readAllBytes(SharedData.file("twcs/twcs-sample93.csv")),
                        Files.readAllBytes(SharedData.file("twcs/twcs-head5000.csv")));
        for (byte[] bytes : files) {
            List<SourceRecord> whole = whole(bytes);
            // Every seed re-reads the file whole once over: fewer for the large extract.
            int seeds = bytes.length > 100_000 ? 25 : 200;
            for (int seed = 0; seed < seeds; seed++) {
                Random random = new Random(seed);
                TreeSet<Long> cuts = new TreeSet<>(List.of(0L, (long) bytes.length));
                int count = 1 + random.nextInt(40);
                for (int i = 0; i < count; i++) {
                    cuts.add((long) random.nextInt(bytes.length));
                }
                assertThat(pieces(bytes, List.copyOf(cuts)))
                        .as("%d-byte file cut at %s (seed %d)", bytes.length, cuts, seed)
                        .isEqualTo(whole);
            }
        }
    }

    @Test
    void aRejectInALaterPieceKeepsItsLineInTheFile() throws IOException {
        byte[] bytes = QUIRKS.getBytes(StandardCharsets.UTF_8);
        // The BOM is one char in three bytes. The piece's offset is one byte before a row with
        // the signature; the reject on line 10 before it has none, so the piece before reads it.
        long offset = QUIRKS.indexOf("4,5,115712") + 2 - 1;
        List<SourceRecord> read =
                drain(
                        TwcsPiece.open(
                                SOURCE,
                                memory(bytes),
                                bytes.length,
                                offset,
                                bytes.length - offset,
                                FACTORY));
        assertThat(read.get(0).getReject())
                .as("the piece starts with the row after its offset")
                .isNotNull();
        assertThat(read.stream().filter(r -> r.getReject() != null))
                .extracting(r -> r.getReject().getPosition())
                .containsExactly(11L, 17L);
    }

    @Test
    void theSignatureIsARowsBeginning() {
        assertThat(signature("1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,text")).isTrue();
        assertThat(signature("0,119237,105834,True,Wed Oct 11 06:55:44 +0000 2017,")).isTrue();
        assertThat(signature("tweet_id,author_id,inbound,created_at,text")).isFalse();
        assertThat(signature(",,,,,,")).isFalse();
        assertThat(signature("1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017")).isFalse();
        assertThat(signature("1,sprint care,False,Tue Oct 31 22:10:47 +0000 2017,")).isFalse();
        assertThat(signature("1,\"sprintcare\",False,Tue Oct 31 22:10:47 +0000 2017,")).isFalse();
        assertThat(signature("1,sprintcare,false,Tue Oct 31 22:10:47 +0000 2017,")).isFalse();
        assertThat(signature("1.0,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,")).isFalse();
        assertThat(signature("x1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,")).isFalse();
    }

    private static boolean signature(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return TwcsRowSignature.matches(bytes, 0, bytes.length);
    }

    private static ByteSource memory(byte[] bytes) {
        return offset -> new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }

    private static List<SourceRecord> whole(byte[] bytes) throws IOException {
        return drain(
                PostRecords.whole(
                        SOURCE,
                        ByteOrderMark.skip(new ByteArrayInputStream(bytes)),
                        InputFormat.TWCS,
                        FACTORY));
    }

    /** The records of the pieces between consecutive cuts, which start at 0 and end at the size. */
    private static List<SourceRecord> pieces(byte[] bytes, List<Long> cuts) throws IOException {
        List<SourceRecord> read = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            long from = cuts.get(i);
            read.addAll(
                    drain(
                            TwcsPiece.open(
                                    SOURCE,
                                    memory(bytes),
                                    bytes.length,
                                    from,
                                    cuts.get(i + 1) - from,
                                    FACTORY)));
        }
        return read;
    }

    private static List<Long> evenCuts(long length, long size) {
        List<Long> cuts = new ArrayList<>();
        for (long at = 0; at < length; at += size) {
            cuts.add(at);
        }
        cuts.add(length);
        return cuts;
    }

    /**
     * Cuts on, before and after every line feed and carriage return: every place a row may start.
     */
    private static List<Long> cutsAroundLineBreaks(byte[] bytes) {
        TreeSet<Long> cuts = new TreeSet<>(List.of(0L, (long) bytes.length));
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                for (long at = i; at <= i + 2 && at < bytes.length; at++) {
                    cuts.add(at);
                }
            }
        }
        return List.copyOf(cuts);
    }

    private static List<SourceRecord> drain(PostRecords records) throws IOException {
        List<SourceRecord> read = new ArrayList<>();
        try (records) {
            for (SourceRecord r = records.next(); r != null; r = records.next()) {
                read.add(r);
            }
        }
        return read;
    }
}
