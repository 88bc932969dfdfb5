package be.venpmg.nestkaart.kernel;

import java.util.regex.Pattern;

/** A link Nestkaart may store and show: an http(s) address, never javascript:, data: or anything else. */
public final class WebAddress {
    private static final Pattern HTTP = Pattern.compile("(?i)^https?://[^\\s<>\"]+$");

    private WebAddress() {
    }

    public static boolean isWebAddress(String text) {
        return text != null && HTTP.matcher(text).matches();
    }
}
