package io.lightswitch.ingest.webhook;

/**
 * A LaunchDarkly resource specifier such as {@code proj/default:env/production:flag/dark-mode}; tags
 * ({@code proj/default;mobile}) are dropped. Parts the specifier does not name, or names with the
 * wildcard {@code *}, are null.
 */
record LaunchDarklyResource(String project, String environment, String flag) {

    static LaunchDarklyResource parse(String specifier) {
        String project = null;
        String environment = null;
        String flag = null;
        if (specifier != null) {
            for (String part : specifier.split(":")) {
                int slash = part.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String type = part.substring(0, slash);
                String key = withoutTags(part.substring(slash + 1));
                if (type.equals("proj")) {
                    project = key;
                } else if (type.equals("env")) {
                    environment = key;
                } else if (type.equals("flag")) {
                    flag = key;
                }
            }
        }
        return new LaunchDarklyResource(project, environment, flag);
    }

    private static String withoutTags(String key) {
        int semicolon = key.indexOf(';');
        String bare = semicolon < 0 ? key : key.substring(0, semicolon);
        return bare.isBlank() || bare.equals("*") ? null : bare;
    }
}
