package io.squeaky.generate;

/** A Twitter user as {@code includes.users} describes it. */
record TwitterAccount(String id, String username, String name, long followers) {

    /** The user object of a v2 page's {@code includes.users}. */
    void appendJson(StringBuilder out) {
        out.append("{\"id\":\"")
                .append(id)
                .append("\",\"username\":\"")
                .append(username)
                .append("\",\"name\":")
                .append(Json.quote(name))
                .append(",\"public_metrics\":{\"followers_count\":")
                .append(followers)
                .append("}}");
    }
}
