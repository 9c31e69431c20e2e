package io.squeaky.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Tweet texts. Each starts with the @mention of the account addressed, as Twitter writes replies,
 * so the mention entity always sits at offset 0.
 */
final class ComplaintTexts {

    private static final List<String> FIRST_COMPLAINTS =
            List.of(
                    "my order still has not arrived and nobody can tell me where it is",
                    "I was charged twice this month, can someone look at my account please",
                    "the app keeps logging me out and I cannot get anything done",
                    "my service has been down since this morning, any news?",
                    "I was promised a refund a week ago and I am still waiting");

    private static final List<String> ESCALATIONS =
            List.of(
                    "I have been trying to sort this out on the phone for days and nobody calls"
                            + " back. Case {ticket}. Is anyone there?",
                    "three emails and still no answer about case {ticket}. Really disappointed",
                    "your shop sent me home and your web form goes nowhere. Case {ticket}, please"
                            + " help",
                    "been waiting ages on case {ticket} through your normal channels. Maybe Twitter"
                            + " works better?");

    private static final List<String> NUDGES =
            List.of(
                    "still waiting on this...",
                    "hello? anyone?",
                    "any update on this? it has been hours");

    private static final List<String> BRAND_REPLIES =
            List.of(
                    "sorry to hear this. Please send us a DM with your account details and we"
                            + " will take a look.",
                    "we are sorry for the trouble. Could you DM us your reference number so we"
                            + " can check?",
                    "thanks for letting us know, we are looking into this for you now.",
                    "apologies for the wait. A colleague is on your case and will be in touch"
                            + " shortly.");

    private ComplaintTexts() {}

    static String firstComplaint(String brandHandle, SplittableRandom random) {
        return "@" + brandHandle + " " + pick(FIRST_COMPLAINTS, random);
    }

    static String escalation(String brandHandle, String ticketId, SplittableRandom random) {
        return "@" + brandHandle + " " + pick(ESCALATIONS, random).replace("{ticket}", ticketId);
    }

    static String nudge(String brandHandle, SplittableRandom random) {
        return "@" + brandHandle + " " + pick(NUDGES, random);
    }

    static String brandReply(String customerUsername, SplittableRandom random) {
        return "@" + customerUsername + " " + pick(BRAND_REPLIES, random);
    }

    private static String pick(List<String> texts, SplittableRandom random) {
        return texts.get(random.nextInt(texts.size()));
    }
}
