package io.squeaky.text;

import java.util.List;

/**
 * The phrase lists of {@link ResolutionSignal}, written for lower-case text with accents folded and
 * curly apostrophes straightened. Each entry says what it catches. The lists are deliberately
 * narrow: a missed resolution leaves a case unresolved (censored), which a survival analysis
 * handles; a resolution read from politeness would end a case that is still open.
 */
final class ResolutionPhrases {

    private ResolutionPhrases() {}

    /** A customer saying, in their own words, that the problem is gone. */
    static final List<String> CUSTOMER_CONFIRMS =
            List.of(
                    // English: "that worked", "it's working now", "everything works again".
                    "\\b(that|it|this|which|everything|all|both)('s|\\s+is|\\s+has|\\s+seems\\s+to"
                            + "\\s+be)?\\s+(worked|working\\s+(now|again|fine|perfectly|great))\\b",
                    "\\b(works|working|worked)\\s+(now|again|fine\\s+now|perfectly\\s+now)\\b",
                    // "all sorted now", "it's fixed", "issue resolved", "problem solved".
                    "\\b(all|it's|its|that's|thats|it\\s+is|everything(\\s+is|'s)?|issue|problem"
                            + "|(has|have|'ve|got\\s+it|was|been)(\\s+now)?)\\s+(all\\s+)?"
                            + "(sorted|fixed|resolved|solved)\\b",
                    // "sorted now, thanks", "fixed it, thanks": a confirmation followed by thanks.
                    "\\b(sorted|fixed|resolved|solved)(\\s+(it|now))?[\\s,:-]+(thank|thx|cheers|ty\\b)",
                    // "all good now", "back up and running", "up and running again".
                    "\\ball\\s+good\\s+now\\b",
                    "\\b(back\\s+)?up\\s+and\\s+running\\b",
                    // "thanks for sorting it", "thank you for fixing this".
                    "\\bthank(s|\\s+you)\\s+(so\\s+much\\s+)?for\\s+(sorting|fixing|resolving|solving)\\b",
                    // "got my refund", "received the replacement".
                    "\\b(got|received|recieved)\\s+(my|the)\\s+(refund|replacement|credit|money)\\b",
                    // Spanish: "ya funciona", "ya quedó", "problema resuelto", "ya me llegó".
                    "\\bya\\s+(me\\s+)?(funciona|funciono|quedo|jala|sirve|llego|se\\s+(resolvio"
                            + "|soluciono|arreglo|reflejo)|lo\\s+(resolvi|solucione|arregle|recibi))\\b",
                    "\\b(problema|asunto|tema|caso|todo)\\s+(ya\\s+)?(esta\\s+|quedo\\s+)?"
                            + "(resuelto|solucionado|arreglado)\\b",
                    "\\bfunciona\\s+(bien|perfecto|correctamente|de\\s+nuevo)\\b",
                    "\\bgracias\\s+por\\s+(resolver|solucionar|arreglar)\\b",
                    // Portuguese: "resolvido, obrigado", "já funciona", "deu certo".
                    "\\b(problema\\s+)?resolvid[oa]\\b",
                    "\\b(ja|agora)\\s+(funciona|funcionou|esta\\s+funcionando)\\b",
                    "\\b(deu\\s+certo|funcionou)\\b",
                    // French: "c'est réglé", "problème résolu", "ça marche maintenant".
                    "\\bc'est\\s+(regle|resolu|bon)\\b",
                    "\\b(probleme|souci)\\s+(est\\s+)?(regle|resolu)\\b",
                    "\\bca\\s+(marche|fonctionne)\\s+(maintenant|a\\s+nouveau|enfin)\\b");

    /**
     * Words that, anywhere in a customer's post, say the problem is not gone: "thanks, but it still
     * doesn't work", "gracias pero sigue sin funcionar", "mais ça ne marche toujours pas".
     */
    static final String CUSTOMER_DISPUTE =
            "\\b(but|still|not|never|no\\s+longer|again\\?|however|pero|sigue|siguen|todavia|aun"
                    + "|nada|sin|ainda|mas|continua|toujours|mais|pas|encore)\\b|n't\\b|\\bno\\b";

    /** A brand post reporting an action it has completed for the customer. */
    static final List<String> BRAND_CONFIRMS =
            List.of(
                    // English: "we've issued a refund", "I've credited your account".
                    "\\b(i've|i\\s+have|we've|we\\s+have|i|we)\\s+(just\\s+|now\\s+|already\\s+)?"
                            + "(issued|processed|refunded|credited|applied|reversed|replaced|reinstated"
                            + "|restored|fixed|resolved|reset|unlocked|reactivated)\\b",
                    // "your refund has been processed", "the credit was applied".
                    "\\b(refund|replacement|credit|reimbursement|compensation)\\s+(has\\s+been|have"
                            + "\\s+been|was|is\\s+now)\\s+(issued|processed|applied|sent|approved|"
                            + "credited|completed|shipped)\\b",
                    // "your replacement is on its way".
                    "\\b(replacement|refund|order|package|new\\s+\\w+)\\s+(is|are|has\\s+been)\\s+"
                            + "(now\\s+)?(on\\s+(its|it's)\\s+way|shipped|dispatched)\\b",
                    // "the issue has been fixed", "this is now resolved".
                    "\\b(issue|problem|outage|this|it)\\s+(has\\s+been|is\\s+now|was)\\s+"
                            + "(fixed|resolved|sorted)\\b",
                    // Spanish: "hemos realizado el reembolso", "tu bonificación ya fue aplicada".
                    "\\b(hemos|he|ya)\\s+(realizado|procesado|aplicado|emitido|efectuado|bonificado"
                            + "|abonado|reembolsado|reembolsado|solucionado|resuelto|reactivado)\\b",
                    "\\b(reembolso|bonificacion|abono|reposicion|devolucion|aclaracion)\\s+(ya\\s+)?"
                            + "(fue|ha\\s+sido|esta|quedo)\\s+(realizad|procesad|aplicad|emitid|resuelt"
                            + "|enviad|en\\s+camino)",
                    // Portuguese: "já realizamos o estorno", "o reembolso foi efetuado".
                    "\\b(realizamos|processamos|efetuamos|estornamos|reembolsamos)\\b",
                    "\\b(estorno|reembolso)\\s+(ja\\s+)?(foi|esta)\\s+(realizado|processado|efetuado)\\b",
                    // French: "nous avons effectué le remboursement", "le remboursement a été
                    // émis".
                    "\\b(nous\\s+avons|j'ai)\\s+(effectue|procede|rembourse|emis|credite|remplace)\\b",
                    "\\b(remboursement|avoir)\\s+(a\\s+ete|est)\\s+(effectue|emis|credite)\\b");

    /**
     * A sentence of a brand post that is an offer, a condition or a denial, not a report: "we can
     * issue a refund if you DM us", "once we've processed it", "we haven't issued it yet".
     */
    static final String BRAND_HEDGE =
            "\\b(if|once|when|after|as\\s+soon\\s+as|until|can|could|will|would|'ll|should|may"
                    + "|might|not|yet|unable|able|happy\\s+to|need|please|si|cuando|una\\s+vez|podemos"
                    + "|no|se\\s+puede|quand|pouvons|pas|caso|nao)\\b|n't\\b";

    /** A customer sentence that is a condition or a wish, not a report: "if that works", "hope". */
    static final String CUSTOMER_HEDGE =
            "\\b(if|when|once|hope|hopefully|should|would|will|let\\s+(us|me)\\s+know|cuando|espero"
                    + "|ojala|a\\s+ver\\s+si|quand|j'espere|espero\\s+que)\\b|\\bsi\\b(?!\\s*[,.!])";
}
