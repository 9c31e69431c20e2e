package io.squeaky.ingest;

import io.squeaky.cases.PersonKeys;
import io.squeaky.cases.Pseudonymizer;
import java.io.Serializable;

/**
 * What a reject may keep of its record. By default no identity and no text: the account the adapter
 * could read becomes the same pseudonym the case tables use, values quoted in the reason are
 * withheld, and the raw record is kept only as its SHA-256, by which it can be found again in the
 * source. With {@code --rejects-raw} the raw record and the quoted values stay, for debugging an
 * input on one's own machine.
 */
public final class RejectPrivacy implements Serializable {

    static final String WITHHELD = "[value withheld; --rejects-raw keeps it]";

    private final Pseudonymizer pseudonyms;
    private final boolean keepRaw;

    public RejectPrivacy(Pseudonymizer pseudonyms, boolean keepRaw) {
        this.pseudonyms = pseudonyms;
        this.keepRaw = keepRaw;
    }

    /** No raw records, pseudonyms under the public development salt: for tools and tests. */
    public static RejectPrivacy safe() {
        return new RejectPrivacy(new Pseudonymizer(Pseudonymizer.DEVELOPMENT_SALT), false);
    }

    public boolean keepsRaw() {
        return keepRaw;
    }

    /** The customer pseudonym of a social account known by handle or id; null when unknown. */
    String account(String network, String handle, String id) {
        String h = handle == null || handle.isBlank() ? null : handle.strip();
        String i = id == null || id.isBlank() ? null : id.strip();
        if (h == null && i == null) {
            return null;
        }
        return pseudonyms.pseudonym("customer", PersonKeys.social(network, h, i));
    }

    /** The reason, cut where it begins to quote the record's content unless raw records stay. */
    String reason(String reason) {
        if (keepRaw) {
            return reason;
        }
        int quote = indexOfQuote(reason);
        return quote < 0 ? reason : reason.substring(0, quote) + WITHHELD;
    }

    String rawText(RawRecord record) {
        return keepRaw ? record.keptText() : null;
    }

    private static int indexOfQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                return i;
            }
        }
        return -1;
    }
}
