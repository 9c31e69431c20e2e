package io.squeaky.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.text.ConversationResolution.Confirmation;
import io.squeaky.text.ResolutionSignal.Reading;
import org.junit.jupiter.api.Test;

/** How the readings of a conversation's posts, in order, become its resolution. */
class ConversationResolutionTest {

    private final ConversationResolution conversation =
            new ConversationResolution(new ResolutionSignal());

    @Test
    void theCustomersConfirmationAfterABrandReplyResolves() {
        conversation.add("1", 1_000, "@AppleSupport my apps won't update", true);
        conversation.add("2", 2_000, "@1 Please update to iOS 11.1 and try again.", false);
        conversation.add("3", 3_000, "@AppleSupport Worked 👌", true);
        conversation.add("4", 4_000, "@AppleSupport thanks again!", true);

        assertThat(conversation.confirmation())
                .isEqualTo(new Confirmation("3", 3_000, Reading.CONFIRMED_BY_CUSTOMER));
    }

    @Test
    void aConfirmationBeforeAnyBrandReplyIsNotAnAnswer() {
        conversation.add("1", 1_000, "@AmazonHelp it's working now, thanks", true);
        conversation.add("2", 2_000, "@1 Glad to hear it!", false);

        assertThat(conversation.confirmation()).isNull();
    }

    @Test
    void aBrandConfirmationStandsWhileTheCustomerStaysAway() {
        conversation.add("1", 1_000, "@AmazonHelp where is my refund?", true);
        conversation.add("2", 2_000, "@1 We've issued a refund for the missing item.", false);

        assertThat(conversation.confirmation())
                .isEqualTo(new Confirmation("2", 2_000, Reading.CONFIRMED_BY_BRAND));
    }

    @Test
    void theCustomerComingBackWithdrawsTheBrandsConfirmation() {
        conversation.add("1", 1_000, "@AmazonHelp where is my refund?", true);
        conversation.add("2", 2_000, "@1 We've issued a refund for the missing item.", false);
        conversation.add("3", 3_000, "@AmazonHelp nothing on my card yet", true);

        assertThat(conversation.confirmation()).isNull();

        conversation.add("4", 4_000, "@1 Your refund has been processed today.", false);

        assertThat(conversation.confirmation())
                .isEqualTo(new Confirmation("4", 4_000, Reading.CONFIRMED_BY_BRAND));
    }

    @Test
    void theCustomerConfirmingTheBrandsActionDatesTheResolutionAtTheAction() {
        conversation.add("1", 1_000, "@AmazonHelp where is my refund?", true);
        conversation.add("2", 2_000, "@1 We've issued a refund for the missing item.", false);
        conversation.add("3", 3_000, "@AmazonHelp got my refund, cheers", true);

        assertThat(conversation.confirmation())
                .isEqualTo(new Confirmation("2", 2_000, Reading.CONFIRMED_BY_BRAND));
    }

    @Test
    void politenessResolvesNothing() {
        conversation.add("1", 1_000, "@Citibanamex no puedo entrar a la app", true);
        conversation.add("2", 2_000, "@1 ¿Ya intentaste con tu contraseña?", false);
        conversation.add("3", 3_000, "@Citibanamex gracias", true);

        assertThat(conversation.confirmation()).isNull();
    }
}
