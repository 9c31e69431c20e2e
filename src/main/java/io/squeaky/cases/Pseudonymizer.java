package io.squeaky.cases;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces account ids with keyed hashes (HMAC-SHA256, first 128 bits in hex), so that a study can
 * follow one customer across cases without learning who they are, and nobody without the salt can
 * test a guess. The development salt is public: outputs made with it are not pseudonymous.
 */
public final class Pseudonymizer implements Serializable {

    /** Used when no salt is given. Documented in the README, therefore not a secret. */
    public static final String DEVELOPMENT_SALT = "squeaky-development-salt-not-secret";

    private final byte[] salt;
    private transient Mac mac;

    public Pseudonymizer(String salt) {
        if (salt == null || salt.isEmpty()) {
            throw new IllegalArgumentException("salt must not be empty");
        }
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    public boolean usesDevelopmentSalt() {
        return java.util.Arrays.equals(salt, DEVELOPMENT_SALT.getBytes(StandardCharsets.UTF_8));
    }

    public String pseudonym(String... parts) {
        Mac m = mac();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                m.update((byte) 0x1f);
            }
            m.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        byte[] digest = m.doFinal();
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }
        return mac;
    }
}
