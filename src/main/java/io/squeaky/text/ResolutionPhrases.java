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
                    // A post that opens with the verdict: "Worked 👌", "Works. Blame the update."
                    "^(@\\w+\\s+)*(it\\s+|that\\s+)?(works|worked)\\b(?!\\s+(for|on|with|in|when"
                            + "|if))",
                    // "got it to work", "seems to be working".
                    "\\bgot\\s+it\\s+(to\\s+)?work(ing)?\\b",
                    "\\bseems?\\s+to\\s+(be\\s+)?work(ing|s)\\b",
                    // "all sorted now", "it's been sorted", "issue resolved", "problem solved".
                    "\\b(all|it's|its|that's|thats|it\\s+is|it\\s+has|everything(\\s+is|'s)?|issue"
                            + "|problem|(has|have|'ve|got\\s+it|was|been)(\\s+now)?)\\s+(been\\s+)?"
                            + "(all\\s+)?(sorted|fixed|resolved|solved)\\b",
                    // "fixed it", "we finally fixed it", "it fixed itself", "solved this via
                    // phone".
                    "\\b(sorted|fixed|resolved|solved|handled)\\s+(it|itself|this|that"
                            + "|the\\s+(issue|problem))\\b",
                    "\\b(already|finally)\\s+(been\\s+)?(sorted|fixed|resolved|solved|handled)\\b",
                    "^(@\\w+\\s+)*(sorted|fixed|resolved|solved)\\b",
                    // "all good now", "back up and running", "it's back", "came back on".
                    "\\ball\\s+good(\\s+now)?[\\s,.!]+(thank|thx|cheers|ty\\b)",
                    "\\ball\\s+good\\s+now\\b",
                    "\\b(back\\s+)?up\\s+and\\s+running\\b",
                    "\\b(it|internet|service|power|wifi|signal|everything|they|it's|they're)('s|'re"
                            + "|\\s+is|\\s+are|\\s+came)?\\s+back\\s+(now|on|up|online)\\b",
                    // "thanks for sorting it", "thank you for fixing this".
                    "\\bthank(s|\\s+you)\\s+(so\\s+much\\s+)?for\\s+(sorting|fixing|resolving"
                            + "|solving)\\b",
                    // "got my refund", "received the replacement", "my package just got here".
                    "\\b(got|received|recieved)\\s+(my|our|the)\\s+(\\w+\\s+){0,2}(refund"
                            + "|replacement"
                            + "|credit|money|package|packages|parcel|order|delivery|item|items)\\b",
                    "\\b(package|parcel|order|delivery)\\s+(just\\s+)?(got\\s+here|arrived"
                            + "|came)\\b",
                    "\\b(i've|i\\s+have|we've)\\s+(been\\s+)?(refunded|credited|reimbursed)\\b",
                    "\\b(added|applied|issued|put)\\s+(a|the)\\s+(credit|refund)\\s+(to"
                            + "|on)\\s+my\\b",
                    // "got my money back", "helping me get all of my services back".
                    "\\b(get|got|have)\\s+(all\\s+(of\\s+)?)?(my|our)\\s+(\\w+\\s+){0,2}back\\b",
                    // Spanish: "ya funciona", "ya quedó", "ya pude", "ya me dejó", "problema
                    // resuelto".
                    "\\bya\\s+(me\\s+)?(funciona|funciono|quedo|jala|sirve|llego|llegaron"
                            + "|se\\s+(resolvio"
                            + "|soluciono|arreglo|reflejo)|lo\\s+(resolvi|solucione|arregle"
                            + "|recibi))\\b",
                    "\\bya\\s+(pude|puedo|me\\s+(deja|dejo|permite|permitio|ha\\s+permitido|han"
                            + "\\s+permitido))\\b",
                    "\\b(problema|asunto|tema|caso|todo)\\s+(ya\\s+)?(esta\\s+|quedo\\s+)?"
                            + "(resuelto|solucionado|arreglado)\\b",
                    "\\bya\\s+(quedo|esta)\\s+(resuelto|solucionado|arreglado)\\b",
                    "\\b(resolvio|soluciono|arreglo|resolvieron|solucionaron|arreglaron"
                            + "|aclararon)\\s+(el|mi|la)\\s+(problema|duda|tema|caso)\\b",
                    "\\b(recibi|me\\s+llego|me\\s+llegaron)\\s+(mi|mis|el|la|los|las)\\s+(paquete"
                            + "|paquetes|pedido|tarjeta|reembolso|dinero|deposito)\\b",
                    "\\bfunciona\\s+(bien|perfecto|correctamente|de\\s+nuevo)\\b",
                    "\\bgracias\\s+por\\s+(resolver|solucionar|arreglar)\\b",
                    // "Listo, gracias" after a fix to try: "done, thanks". A bare "listo" also
                    // answers "follow us" and "send us a DM", so it needs the thanks.
                    "^(@\\w+\\s+)*listo[\\s,.!]+(muchas\\s+)?gracias",
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
     * doesn't work", "gracias pero sigue sin funcionar", "mais ça ne marche toujours pas", "it
     * worked, but now it crashes", "working at this stage, fingers crossed". A bare "but" is not
     * one: "I got it to work, but I'm on High Sierra" confirms.
     */
    static final String CUSTOMER_DISPUTE =
            "\\b(still|no\\s+longer|anymore|sigue|siguen|todavia|aun|ainda|continua|continuo"
                    + "|toujours|encore|(doesn't|does\\s+not|isn't|is\\s+not|not|won't"
                    + "|can't)\\s+work"
                    + "|no\\s+(funciona|sirve|jala)|sin\\s+funcionar|nao\\s+funciona)\\b"
                    + "|\\b(but|pero|mais|mas|however)\\b.{0,40}\\b(now|ahora|again|otra\\s+vez"
                    + "|de\\s+nuevo|maintenant|agora)\\b"
                    // A fix on probation is not a confirmation yet: "working at this stage".
                    + "|\\b(at\\s+this\\s+stage|for\\s+now|so\\s+far|for\\s+the\\s+moment|at\\s+the"
                    + "\\s+mo|fingers\\s+crossed|por\\s+ahora|de\\s+momento|por\\s+el\\s+momento"
                    + "|pour\\s+l'instant)\\b";

    /** A brand post reporting an action it has completed for the customer. */
    static final List<String> BRAND_CONFIRMS =
            List.of(
                    // English: "we've issued a refund", "I've credited your account".
                    "\\b(i've|i\\s+have|we've|we\\s+have|i|we)\\s+(just\\s+|now\\s+|already\\s+)?"
                            + "(issued|processed|refunded|credited|applied|reversed|replaced"
                            + "|reinstated|restored|fixed|resolved|reset|unlocked|reactivated)\\b",
                    // "your refund has been processed", "the credit was applied".
                    "\\b(refund|replacement|credit|reimbursement|compensation)\\s+(has\\s+been|have"
                            + "\\s+been|was|is\\s+now)\\s+(issued|processed|applied|sent|approved|"
                            + "credited|completed|shipped)\\b",
                    // "the service has been deactivated as requested", "your account has been
                    // unlocked".
                    "\\b(has|have)\\s+(now\\s+)?been\\s+(deactivated|cancelled|canceled|closed"
                            + "|refunded"
                            + "|credited|reversed|waived|removed|reactivated|unlocked|restored"
                            + "|reinstated"
                            + "|replaced|fixed|resolved|processed|issued|applied|corrected)\\b",
                    // "your replacement is on its way".
                    "\\b(replacement|refund|order|package|new\\s+\\w+)\\s+(is|are|has\\s+been)\\s+"
                            + "(now\\s+)?(on\\s+(its|it's)\\s+way|shipped|dispatched)\\b",
                    // "the issue has been fixed", "this is now resolved".
                    "\\b(issue|problem|outage|this|it)\\s+(has\\s+been|is\\s+now|was)\\s+"
                            + "(fixed|resolved|sorted)\\b",
                    // Spanish: "hemos realizado el reembolso", "tu bonificación ya fue aplicada".
                    "\\b(hemos|he|ya)\\s+(realizado|procesado|aplicado|emitido|efectuado|bonificado"
                            + "|abonado|reembolsado|reembolsado|solucionado|resuelto"
                            + "|reactivado)\\b",
                    "\\b(reembolso|bonificacion|abono|reposicion|devolucion"
                            + "|aclaracion)\\s+(ya\\s+)?"
                            + "(fue|ha\\s+sido|esta|quedo)\\s+(realizad|procesad|aplicad|emitid"
                            + "|resuelt|enviad|en\\s+camino)",
                    // Portuguese: "já realizamos o estorno", "o reembolso foi efetuado".
                    "\\b(realizamos|processamos|efetuamos|estornamos|reembolsamos)\\b",
                    "\\b(estorno|reembolso)\\s+(ja\\s+)?(foi|esta)\\s+(realizado|processado"
                            + "|efetuado)\\b",
                    // French: "nous avons effectué le remboursement", "le remboursement a été
                    // émis".
                    "\\b(nous\\s+avons|j'ai)\\s+(effectue|procede|rembourse|emis|credite"
                            + "|remplace)\\b",
                    "\\b(remboursement|avoir)\\s+(a\\s+ete|est)\\s+(effectue|emis|credite)\\b");

    /**
     * A sentence of a brand post that is an offer, a condition or a denial, not a report: "we can
     * issue a refund if you DM us", "once we've processed it", "we haven't issued it yet".
     */
    static final String BRAND_HEDGE =
            "\\b(if|once|when|after|as\\s+soon\\s+as|until|can|could|will|would|'ll|should|may"
                    + "|might|not|yet|unable|able|happy\\s+to|si|cuando|una\\s+vez|podemos"
                    + "|no|se\\s+puede|quand|pouvons|pas|caso|nao)\\b|n't\\b";

    /**
     * A customer sentence that is a condition, a wish or a denial, not a report: "if that works",
     * "I'm hoping it's been fixed", "it never got resolved".
     */
    static final String CUSTOMER_HEDGE =
            "\\b(if|when|once|hope|hopes|hoped|hoping|hopefully|should|would|will|let\\s+(us|me)"
                    + "\\s+know|not|never|no|nunca|nao|pas|ne|sin|sem|cuando|espero|ojala"
                    + "|a\\s+ver\\s+si|quand|j'espere)\\b|n't\\b|\\bsi\\b(?!\\s*[,.!])";
}
