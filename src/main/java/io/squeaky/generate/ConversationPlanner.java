package io.squeaky.generate;

/**
 * Plans customer-support conversations shaped like TWCS's: a customer complains to a brand's
 * support account, the brand replies after a heavy-tailed delay (often asking for a DM), the
 * customer follows up, and so on for a few rounds. Unlike TWCS, which only kept conversations a
 * brand answered, a planted share of complaints is never answered, so censoring has work to do.
 */
final class ConversationPlanner {

    /** Conversations in which no customer post ever gets a brand reply. */
    static final double UNANSWERED_SHARE = 0.10;

    /** Brand replies that hand the customer off to private messages (TWCS: about a quarter). */
    static final double PRIVATE_HANDOFF_SHARE = 0.25;

    /** Customers who repeat themselves before anyone answers. */
    static final double NUDGE_SHARE = 0.10;

    static final double SPANISH_SHARE = 0.04;

    /** Brand replies followed by a second one to the same post, a few minutes later. */
    static final double SECOND_REPLY_SHARE = 0.05;

    /** Odds the customer answers the first brand reply; each later round is less likely. */
    static final double FIRST_FOLLOW_UP_SHARE = 0.55;

    static final double FOLLOW_UP_DECAY = 0.8;

    /** Follow-ups the brand answers; the rest close the conversation ("thanks!"). */
    static final double FOLLOW_UP_ANSWERED_SHARE = 0.8;

    static final int MAX_ROUNDS = 8;

    /** Conversations opened by a customer seen recently, who keeps their number. */
    static final double RETURNING_CUSTOMER_SHARE = 0.12;

    static final int RECENT_CUSTOMERS = 5_000;

    /** TWCS numbers its anonymised customers from here. */
    static final long FIRST_CUSTOMER_ID = 115_712;

    private final SeededRandom random;
    private final BrandMix brands;
    private final long startSecond;
    private final long spanSeconds;
    private long customersIssued;

    ConversationPlanner(SeededRandom random, BrandMix brands, long startSecond, long spanSeconds) {
        this.random = random;
        this.brands = brands;
        this.startSecond = startSecond;
        this.spanSeconds = spanSeconds;
    }

    void plan(Conversation conversation) {
        int brand = brands.pick(random);
        byte[] handle = brands.handle(brand);
        Phrasebook words = random.chance(SPANISH_SHARE) ? Phrasebook.SPANISH : Phrasebook.ENGLISH;
        conversation.start(brand, nextCustomer());

        long at = startSecond + (long) (random.nextDouble() * spanSeconds);
        int customerPost = conversation.add(at, -1, false);
        complaint(conversation.text(customerPost), handle, words, brands.account(brand).sector());
        boolean answered = !random.chance(UNANSWERED_SHARE);
        if (random.chance(NUDGE_SHARE)) {
            at += DelayModel.NUDGE.sampleSeconds(random);
            customerPost = conversation.add(at, customerPost, false);
            conversation.text(customerPost).toBrand(handle, false).add(random.pick(words.nudges()));
        }
        if (answered) {
            replyRounds(conversation, customerPost, handle, words);
        }
    }

    private void replyRounds(
            Conversation conversation, int customerPost, byte[] handle, Phrasebook words) {
        long customerId = conversation.customerId();
        double followUpChance = FIRST_FOLLOW_UP_SHARE;
        for (int round = 1; ; round++) {
            long at =
                    conversation.postedAt(customerPost)
                            + DelayModel.BRAND_REPLY.sampleSeconds(random);
            boolean handoff = random.chance(PRIVATE_HANDOFF_SHARE);
            int reply = conversation.add(at, customerPost, true);
            brandReply(conversation.text(reply).toCustomer(customerId), round, handoff, words);
            if (random.chance(SECOND_REPLY_SHARE)) {
                int second = conversation.add(at + 30 + random.nextInt(270), customerPost, true);
                conversation
                        .text(second)
                        .toCustomer(customerId)
                        .add(random.pick(words.publicAnswers()));
            }
            if (round == MAX_ROUNDS || !random.chance(followUpChance)) {
                return;
            }
            followUpChance *= FOLLOW_UP_DECAY;
            boolean answeredAgain = random.chance(FOLLOW_UP_ANSWERED_SHARE);
            at += DelayModel.CUSTOMER_FOLLOW_UP.sampleSeconds(random);
            customerPost = conversation.add(at, reply, false);
            Phrase[] followUps =
                    !answeredAgain
                            ? words.closings()
                            : handoff ? words.followUpsAfterHandoff() : words.followUpsContinuing();
            TweetText followUp = conversation.text(customerPost).toBrand(handle, false);
            followUp.add(random.pick(followUps));
            if (answeredAgain && random.chance(0.4)) {
                followUp.add(random.pick(words.customerDetails()));
            }
            if (!answeredAgain) {
                return;
            }
        }
    }

    private void complaint(TweetText text, byte[] handle, Phrasebook words, Sector sector) {
        text.toBrand(handle, random.chance(0.15));
        if (random.chance(0.25)) {
            text.add(random.pick(words.customerOpeners()));
        }
        text.add(random.pick(words.complaints(sector)));
        if (random.chance(0.5)) {
            text.add(random.pick(words.customerDetails()));
        }
        if (random.chance(0.5)) {
            text.add(random.pick(words.customerTails()));
        }
    }

    private void brandReply(TweetText text, int round, boolean handoff, Phrasebook words) {
        if (random.chance(0.7)) {
            text.add(
                    random.pick(round == 1 ? words.brandOpeners() : words.brandAcknowledgements()));
        }
        text.add(random.pick(handoff ? words.privateHandoffs() : words.publicAnswers()));
        if (random.chance(0.35)) {
            text.add(random.pick(words.brandCourtesies()));
        }
        if (random.chance(0.3)) {
            text.add(random.pick(words.signatures()));
        }
    }

    private long nextCustomer() {
        if (customersIssued > 0 && random.chance(RETURNING_CUSTOMER_SHARE)) {
            int recent = (int) Math.min(customersIssued, RECENT_CUSTOMERS);
            return FIRST_CUSTOMER_ID + customersIssued - 1 - random.nextInt(recent);
        }
        return FIRST_CUSTOMER_ID + customersIssued++;
    }
}
