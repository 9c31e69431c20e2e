package io.squeaky.generate;

/**
 * The words of one language for each turn of a support conversation. Brand replies that hand the
 * customer off to private messages use the phrasings support desks use (and that
 * io.squeaky.text.PrivateHandoffDetector recognises); other replies avoid them.
 */
record Phrasebook(
        Phrase[] ownComplaints,
        Phrase[] customerOpeners,
        Phrase[] customerDetails,
        Phrase[] customerTails,
        Phrase[] nudges,
        Phrase[] brandOpeners,
        Phrase[] brandAcknowledgements,
        Phrase[] privateHandoffs,
        Phrase[] publicAnswers,
        Phrase[] brandCourtesies,
        Phrase[] followUpsAfterHandoff,
        Phrase[] followUpsContinuing,
        Phrase[] closings,
        Phrase[] signatures) {

    static final Phrasebook ENGLISH =
            new Phrasebook(
                    null,
                    Phrase.all("hey", "Hi,", "Seriously", "Day {n} and", "Ugh", "wow", "So"),
                    Phrase.all(
                            "Called support twice already.",
                            "This is the third time this month.",
                            "I've been a loyal customer for {n} years.",
                            "Nobody at the store could help.",
                            "Your chat bot just sends me in circles.",
                            "Really disappointed.",
                            "I just want this sorted out.",
                            "Still waiting for the callback I was promised.",
                            "Is it really so hard to get a straight answer?",
                            "Not what I expect for what I pay."),
                    Phrase.all(
                            "so frustrating",
                            "😡",
                            "🙄",
                            "#fail",
                            "fix this please",
                            "worst customer service ever",
                            "not happy",
                            "{url}",
                            "any help?",
                            "!!!",
                            "Help!"),
                    Phrase.all(
                            "hello?? still waiting on a reply",
                            "anyone there?",
                            "it's been {hours} hours and still nothing",
                            "are you going to answer or not?",
                            "still no response...",
                            "???"),
                    Phrase.all(
                            "Hi there!",
                            "We're sorry to hear this.",
                            "Sorry for the trouble!",
                            "That's not the experience we want you to have.",
                            "I understand how frustrating this must be.",
                            "Oh no!",
                            "Hello, my apologies for any inconvenience.",
                            "Thanks for reaching out.",
                            "Yikes, that's not right.",
                            "We hear you, and we want to help."),
                    Phrase.all(
                            "Thanks for getting back to us.",
                            "Got it, thanks.",
                            "Thanks for the details!",
                            "Appreciate the info.",
                            "Thanks for confirming."),
                    Phrase.all(
                            "Please send us a DM with your order number so we can look into this.",
                            "Can you DM us your email address and we'll take a look?",
                            "Please shoot us a DM, so that we can look into this for you.",
                            "Please follow and DM us so that we can look into this.",
                            "Send us a Direct Message with the details and we'll get this sorted.",
                            "We'd like to help via DM: {url}",
                            "Please send us a private message so that we can further assist you.",
                            "Just sent you a DM to help."),
                    Phrase.all(
                            "How long have you been experiencing this issue?",
                            "Which location was this at?",
                            "Can you tell us which version of the app you're using?",
                            "Have you tried restarting your device? That usually clears it.",
                            "Please tell us more here so we can help: {url}",
                            "Our team is looking into this right now, we'll update you as soon as"
                                    + " we know more.",
                            "This has been passed to the right team. Thanks for your patience.",
                            "You can request a refund here: {url}",
                            "Is the light on the router red or green?",
                            "We're aware of an issue in your area and are working to fix it.",
                            "Please check our status page for updates: {url}"),
                    Phrase.all(
                            "We'll be happy to help.",
                            "We want to make this right.",
                            "We're here for you.",
                            "Thanks for your patience while we look into it."),
                    Phrase.all(
                            "DM sent",
                            "Just sent you a DM",
                            "done, check your messages",
                            "I already sent you a DM {hours} hours ago",
                            "sent, order number is {order}"),
                    Phrase.all(
                            "It's been like this since yesterday",
                            "Order number is {order}",
                            "Yes, I already tried that twice",
                            "that link doesn't work",
                            "I've done that already, still the same problem",
                            "booking reference is {code}",
                            "why can't you just fix it?",
                            "the store told me to contact you, now you're sending me back to"
                                    + " the store?"),
                    Phrase.all(
                            "Thanks!",
                            "thank you, that worked 👍",
                            "ok thanks",
                            "Appreciate it",
                            "Still not fixed but thanks I guess",
                            "Unbelievable. I'm done with you guys.",
                            "great, thanks for nothing"),
                    Phrase.all("^{initials}", "\n^{initials}", "-{initials}"));

    static final Phrasebook SPANISH =
            new Phrasebook(
                    Phrase.all(
                            "llevo {n} días esperando mi pedido y nadie me responde",
                            "me cobraron dos veces el mismo pedido, ¿qué pasa?",
                            "no tengo servicio desde ayer y sigo pagando",
                            "el vuelo se retrasó {hours} horas y nadie nos informa nada",
                            "la aplicación no funciona desde la actualización",
                            "pésimo servicio, nadie contesta el teléfono"),
                    Phrase.all("Hola,", "Oigan", "Otra vez"),
                    Phrase.all(
                            "Ya llamé dos veces.",
                            "Es la tercera vez este mes.",
                            "Nadie me da una solución."),
                    Phrase.all("😡", "¡qué mal servicio!", "ayuda por favor"),
                    Phrase.all("¿hola? sigo esperando respuesta", "¿alguien me puede ayudar?"),
                    Phrase.all(
                            "¡Hola!",
                            "Hola, lamentamos lo ocurrido.",
                            "Sentimos mucho las molestias."),
                    Phrase.all("Gracias por la información.", "Gracias por responder."),
                    Phrase.all(
                            "Envíanos un mensaje privado con tu número de pedido y lo revisamos.",
                            "Escríbenos por DM para ayudarte."),
                    Phrase.all(
                            "¿Desde cuándo ocurre el problema?",
                            "Nuestro equipo ya está revisando el caso, gracias por tu paciencia.",
                            "Puedes solicitar el reembolso aquí: {url}"),
                    Phrase.all("Estamos para ayudarte.", "Queremos solucionarlo cuanto antes."),
                    Phrase.all("mensaje enviado", "ya les escribí"),
                    Phrase.all("Ya lo hice y sigue igual", "El número de pedido es {order}"),
                    Phrase.all("¡Gracias!", "muchas gracias, ya funciona", "vale, gracias"),
                    Phrase.all("^{initials}", "-{initials}"));

    /** What a customer of the sector complains about, in this language. */
    Phrase[] complaints(Sector sector) {
        return ownComplaints != null ? ownComplaints : sector.complaints();
    }
}
