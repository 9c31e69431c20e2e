package io.squeaky.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.text.ResolutionSignal.Reading;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Posts that confirm a resolution and posts that only sound like it. The English examples follow
 * real TWCS customer and brand posts; the Spanish ones the Citibanamex export; the Portuguese and
 * French ones are written the way customers and support desks in those languages phrase it.
 */
class ResolutionSignalTest {

    private final ResolutionSignal signal = new ResolutionSignal();

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                // English.
                "@AppleSupport that worked, thanks!",
                "@AmazonHelp All sorted now, thank you",
                "@SpotifyCares It's working now! Thank you so much",
                "@Uber_Support thanks for sorting it so quickly",
                "@VirginTrains Got my refund this morning, cheers",
                "@sprintcare Everything is working again, appreciate the help",
                "@XboxSupport Fixed it, thanks!",
                "@hulu_support issue resolved, thanks for the help",
                "@comcastcares we're back up and running. Thanks guys",
                "@AppleSupport Worked 👌🏽",
                "@SpotifyCares Thanks! I got it to work after reinstalling a few times.",
                "@AmazonHelp My package just got here. All good, thank you!",
                "@AmazonHelp Already handled, just venting.",
                "@AskPlayStation It fixed itself 30 minutes ago",
                "@AdobeCare Solved this via phone support",
                "@AmazonHelp I just said it's been sorted! I've been refunded!",
                "@AskPapaJohns Someone added a credit to my account. Thank you!",
                "@CoxHelp thank you for helping me get all of my services back.",
                // Spanish.
                "@Citibanamex ya funciona, gracias",
                "@Citibanamex Problema resuelto, muchas gracias por la atención",
                "@Citibanamex Ya quedó, gracias por el apoyo",
                "@AskPlayStation ya me llegó el tema, gracias!",
                "@Citibanamex ya se reflejó mi pago, gracias",
                "@Citibanamex Listo, muchas gracias",
                "@Citibanamex Pero ya me dejó hacer la transferencia. Gracias por responder",
                "@Citibanamex Listo. Usar la clave en vez de la biometría resolvió el problema.",
                "@Citibanamex Muchísimas gracias, aclararon mi duda",
                "@Citibanamex Gracias ya después de varios intentos ya pude comprar",
                "@AmazonHelp Recibí mis paquetes hace un par de minutos!",
                "@AmazonHelp todo solucionado, gracias",
                // Portuguese.
                "@AmazonHelp resolvido, obrigado!",
                "@NetflixBrasil já funciona, valeu!",
                "@AppleSupport Deu certo, muito obrigada",
                // French.
                "@SNCF c'est réglé, merci !",
                "@AmazonHelp Problème résolu, merci beaucoup",
                "@Orange ça marche maintenant, merci",
            })
    void readsACustomersConfirmation(String post) {
        assertThat(signal.read(post, true)).isEqualTo(Reading.CONFIRMED_BY_CUSTOMER);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                // English: politeness, disputes, questions, hopes.
                "@AppleSupport thanks",
                "@AmazonHelp Thank you!",
                "@AppleSupport thanks, but it still doesn't work",
                "@Uber_Support It worked yesterday but now it crashes again",
                "@sprintcare it's not working",
                "@SpotifyCares Is it fixed yet?",
                "@AmazonHelp has my refund been processed?",
                "@hulu_support I'll let you know if that worked",
                "@XboxSupport hopefully that's sorted now",
                "@comcastcares never got resolved",
                "@AppleSupport Tried that, still broken",
                "@SpotifyCares seems to be working at this stage. Will let you know if it happens"
                        + " again.",
                "@ChipotleTweets I am on line to order, I am hoping its been fixed.",
                "@SpotifyCares it works when I restart, then it stops",
                // Spanish.
                "@Citibanamex gracias",
                "@Citibanamex gracias pero sigue sin funcionar",
                "@Citibanamex ¿ya funciona la app?",
                "@Citibanamex no funciona la app desde ayer",
                "@Citibanamex todavía no se refleja mi pago",
                "@Citibanamex Listo",
                "@Citibanamex Listo , acabo de mandar la info por inbox",
                // Portuguese.
                "@AmazonHelp obrigado",
                "@AmazonHelp ainda não foi resolvido",
                "@NetflixBrasil continua sem funcionar, mas obrigado",
                // French.
                "@SNCF merci",
                "@Orange ça ne marche toujours pas",
                "@SNCF c'est réglé ?",
            })
    void leavesPolitenessAndDisputesAlone(String post) {
        assertThat(signal.read(post, true)).isEqualTo(Reading.NONE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                // English.
                "@115712 We've issued a refund for the missing item. ^JK",
                "@116003 Your replacement is on its way and should arrive Thursday.",
                "@115911 I've credited your account with $20 for the trouble. -AB",
                "@116220 Your refund has been processed. It can take 3-5 days to show. ^MR",
                "@116123 We have reset your password. Anything else we can help with?",
                "@115890 The issue has been fixed, sorry for the trouble! *TJ",
                "@117129 Please note that the service has been deactivated as requested. ^TO",
                // Spanish.
                "@itslizett Hemos realizado el reembolso a tu tarjeta.",
                "@Dulce_Caramell Tu bonificación ya fue aplicada, quedamos al pendiente.-YA",
                // Portuguese.
                "@116614 Já realizamos o estorno no seu cartão.",
                "@116614 O reembolso foi efetuado hoje.",
                // French.
                "@116999 Nous avons effectué le remboursement sur votre carte.",
                "@116999 Le remboursement a été émis ce matin.",
            })
    void readsABrandsCompletedAction(String post) {
        assertThat(signal.read(post, false)).isEqualTo(Reading.CONFIRMED_BY_BRAND);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "@115712 We can issue a refund if you DM us your order number.",
                "@115712 Please DM us and we'll get a refund issued.",
                "@115712 Once we've processed the return, the refund will follow.",
                "@115712 Have we issued your refund yet? Let us know.",
                "@115712 We haven't issued the refund yet, sorry.",
                "@115712 Let us know if that worked!",
                "@115712 Please send us a DM.",
                "@CoronaHex ¿Te refieres a la baja definitiva de una tarjeta de crédito?",
                "@Citibanamex Podemos realizar el reembolso si nos envías un DM.",
                "@116614 Por favor entre em contato com o nosso SAC.",
                "@116999 Nous pouvons effectuer le remboursement si vous nous écrivez en MP.",
            })
    void leavesOffersAndRequestsAlone(String post) {
        assertThat(signal.read(post, false)).isEqualTo(Reading.NONE);
    }

    @Test
    void readsEachSideWithItsOwnPhrases() {
        assertThat(signal.read("that worked, thanks!", false)).isEqualTo(Reading.NONE);
        assertThat(signal.read("We've issued a refund.", true)).isEqualTo(Reading.NONE);
    }

    @Test
    void readsNothingInNoText() {
        assertThat(signal.read(null, true)).isEqualTo(Reading.NONE);
        assertThat(signal.read("", false)).isEqualTo(Reading.NONE);
    }

    @Test
    void everyPhraseIsAValidPatternOfItsOwn() {
        assertThat(ResolutionPhrases.CUSTOMER_CONFIRMS)
                .doesNotHaveDuplicates()
                .allSatisfy(Pattern::compile);
        assertThat(ResolutionPhrases.BRAND_CONFIRMS)
                .doesNotHaveDuplicates()
                .allSatisfy(Pattern::compile);
    }
}
