package io.squeaky.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The hex SHA-256 of a text, computed here for tests to compare the rejects' hashes against. */
final class Sha256 {

    private Sha256() {}

    static String hex(String text) throws Exception {
        return HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
