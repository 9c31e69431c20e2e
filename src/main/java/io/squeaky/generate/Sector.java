package io.squeaky.generate;

/** What a brand sells, which decides what its customers complain about. */
enum Sector {
    AIRLINE(
            "my flight {n}{n}{n}{n} has been delayed {hours} hours and nobody at the gate can tell us anything",
            "lost my bag on the way home, been {n} days and the tracking still says nothing",
            "3 hours on hold to change a ticket. Is anyone actually working today?",
            "cancelled my connection without any notice, now stuck overnight at the airport",
            "charged me twice for seat selection, booking ref {code}",
            "the wifi on board didn't work for the whole flight, can I get a refund?",
            "why does online check-in keep failing with \"unable to process your request\"?",
            "sat on the tarmac for {hours} minutes and missed my connection",
            "upgraded to extra legroom and got moved to a middle seat at the back"),
    FOOD(
            "ordered a bowl tonight and got half the toppings, paid full price though",
            "the app charged me but the store says they never got the order",
            "waited {n}0 minutes in the drive thru and the food was cold",
            "found a hair in my food. Not ok.",
            "your location on {n}th street has been closed at lunch {n} days in a row",
            "my rewards points disappeared after the update",
            "online order #{order} was never made, the store had no record of it",
            "why is there no guac in my order when I paid extra for it?!",
            "delivery took {hours} minutes and half the order was missing"),
    RETAIL(
            "my package was marked delivered but it's not here. Order #{order}",
            "still waiting on my refund for order {order}, it's been {n} weeks",
            "ordered a TV and received a box of cat food. How does that happen",
            "delivery window was 8am-6pm, nothing came and now it says tomorrow",
            "the self checkout at my local store charged me twice",
            "why was my order cancelled without any email?",
            "item arrived damaged and the returns page just says \"something went wrong\"",
            "your website keeps logging me out at checkout",
            "price dropped the day after I bought it\nand the store won't match it"),
    TELECOM(
            "internet has been down since this morning, third time this week",
            "no signal at all in my area for {n} days and I'm still paying full price",
            "got charged ${n}{n} extra on my bill for something I never ordered",
            "been on hold for {n}0 minutes and then the call dropped",
            "tech was supposed to come between 8 and 12, nobody showed up",
            "speeds are 2 Mbps on a 100 Mbps plan, this is ridiculous",
            "my phone upgrade order has been \"processing\" for {n} days",
            "5 bars LTE and still nothing loads. Smh.",
            "you raised my bill again without telling me"),
    BANK(
            "my card was declined everywhere today and my account looks fine",
            "there's a payment of ${n}{n}{n} I don't recognise and the fraud line keeps hanging up",
            "transfer has been pending for {n} days, where is my money?",
            "locked out of online banking again, the reset link never arrives",
            "the app crashes every time I try to deposit a check",
            "why was my account frozen with no explanation",
            "still no replacement card after {n} weeks"),
    TECH(
            "my laptop battery drains in {n} hours since the last update",
            "can't sign in to my account, it keeps asking for a code that never comes",
            "the update bricked my laptop, it won't boot past the logo",
            "my files stopped syncing yesterday and support chat is closed",
            "keys are sticking after {n} months on a $1,000 machine",
            "subscription renewed even though I cancelled it last month",
            "the app freezes every time I open it, already reinstalled twice",
            "getting error {order} when I try to install. What does it mean?"),
    ENTERTAINMENT(
            "servers down again? Can't connect for {hours} hours now",
            "my download has been stuck at 99% for {n} hours",
            "charged for a subscription I cancelled, account {order}",
            "songs keep skipping and the app logs me out",
            "game crashes every time I load my save, lost {n} hours of progress",
            "my account got hacked and the email was changed, please help",
            "the new update deleted all my playlists"),
    RIDE_AND_DELIVERY(
            "driver cancelled after {n}0 minutes and I still got charged a fee",
            "my driver took a 40 minute detour and the fare doubled",
            "order never arrived but the app says delivered",
            "left my phone in the car and the lost item link doesn't work",
            "package has been \"out for delivery\" for {n} days",
            "got charged a cleaning fee for a ride I didn't even take",
            "the courier left my parcel in the rain outside the door"),
    RAIL(
            "the {n}:{n}0 is cancelled again, no announcement at the station",
            "trains delayed {hours} minutes every single morning this week",
            "no seats, no aircon and no wifi on a 3 hour journey",
            "the ticket machine at the station took my money and gave no ticket",
            "how do I claim delay repay for yesterday's journey?",
            "overcrowded again, people standing in the vestibules for an hour"),
    HOSPITALITY(
            "the host cancelled my booking the night before check-in",
            "the room was filthy and reception didn't care",
            "charged a deposit that was never refunded, reservation {code}",
            "booked a non-smoking room and got one that reeks of smoke",
            "my points stay never got credited, it's been {n} weeks");

    private final Phrase[] complaints;

    Sector(String... complaints) {
        this.complaints = Phrase.all(complaints);
    }

    Phrase[] complaints() {
        return complaints;
    }
}
