package io.squeaky.ingest;

import io.squeaky.Sha256;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import io.squeaky.records.ResolutionReading;
import io.squeaky.records.SourceRecord;
import io.squeaky.text.Mentions;
import io.squeaky.text.PrivateHandoffDetector;
import io.squeaky.text.ResolutionSignal;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What every adapter does once it has the raw fields: decide whether the author is a brand, derive
 * the text signals (the brand a customer addresses, a brand's hand-off to private messages, a
 * confirmed resolution) and build the post or the reject.
 */
public final class PostFactory implements Serializable {

    public static final String NETWORK_TWITTER = "twitter";

    private final BrandRegistry brands;
    private final PrivateHandoffDetector handoff = new PrivateHandoffDetector();
    private final ResolutionSignal resolution = new ResolutionSignal();
    private final Clock clock;
    private final RejectPrivacy rejects;

    public PostFactory(BrandRegistry brands, Clock clock) {
        this(brands, clock, RejectPrivacy.safe());
    }

    public PostFactory(BrandRegistry brands, Clock clock, RejectPrivacy rejects) {
        this.brands = brands;
        this.clock = clock;
        this.rejects = rejects;
    }

    public BrandRegistry brands() {
        return brands;
    }

    /** Fills the brand and the text signals of a post whose other fields are set. */
    public SourceRecord accept(Post.Builder post, String brandName) {
        boolean isBrand = brandName != null;
        post.setAuthorIsBrand(isBrand).setBrand(brandName);
        String text = post.getText();
        post.setResolutionReading(
                text == null
                        ? ResolutionReading.NONE
                        : ResolutionReading.valueOf(resolution.read(text, !isBrand).name()));
        if (isBrand) {
            post.setPrivateHandoff(handoff.asksForPrivateChannel(text));
            post.setAddressedBrand(null);
        } else {
            String handle = Mentions.firstMatching(text, brands::isBrandHandle);
            post.setAddressedBrand(
                    handle == null ? null : brands.byHandle(handle).orElseThrow().name());
            post.setPrivateHandoff(false);
        }
        return SourceRecord.newBuilder().setPost(post.build()).build();
    }

    /** The brand of a registered support account, or null for everyone else. */
    public String registeredBrand(String handle) {
        return brands.byHandle(handle).map(Brand::name).orElse(null);
    }

    public SourceRecord reject(RawRecord record, String format, String reason) {
        return reject(record, format, reason, null, null);
    }

    /**
     * A reject whose record named its author: by screen name {@code handle} or account id {@code
     * id} (either may be null). The reject carries the author's pseudonym, never the raw account.
     */
    public SourceRecord reject(
            RawRecord record, String format, String reason, String handle, String id) {
        return SourceRecord.newBuilder()
                .setReject(
                        Reject.newBuilder()
                                .setSource(record.source())
                                .setPosition(record.position())
                                .setSourceFormat(format)
                                .setReason(rejects.reason(reason))
                                .setRecordSha256(Sha256.hex(record.text()))
                                .setCustomerId(rejects.account(NETWORK_TWITTER, handle, id))
                                .setRawText(rejects.rawText(record))
                                .setRejectedOn(
                                        (int)
                                                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                                        .toEpochDay())
                                .build())
                .build();
    }

    public static Post.Builder newPost(String format) {
        return Post.newBuilder()
                .setNetwork(NETWORK_TWITTER)
                .setSourceFormat(format)
                .setAuthorIsBrand(false)
                .setCreatedAt(0L);
    }
}
