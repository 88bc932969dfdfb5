package be.venpmg.nestkaart.kernel;

import java.util.regex.Pattern;

/**
 * A link Nestkaart may store and show: an http(s) address (or, where allowed, a file the site itself serves under
 * {@code /static/}); never javascript:, data: or anything else.
 */
public final class WebAddress {
    private static final Pattern HTTP = Pattern.compile("(?i)^https?://[^\\s<>\"]+$");
    private static final Pattern OWN_FILE = Pattern.compile("^/static/[a-z0-9-]+(/[a-z0-9-]+)*\\.[a-z0-9]{2,5}$");

    private WebAddress() {
    }

    public static boolean isWebAddress(String text) {
        return text != null && HTTP.matcher(text).matches();
    }

    /** A web address or a file of the site itself (kept relative, so it follows the site's address). */
    public static boolean isWebAddressOrOwnFile(String text) {
        return isWebAddress(text) || text != null && OWN_FILE.matcher(text).matches();
    }
}
