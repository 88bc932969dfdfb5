package be.venpmg.nestkaart.kernel;

import be.venpmg.nestkaart.kernel.Folding;

/** Readable URL parts: "C.G.G. Mandel & Leie" → "c-g-g-mandel-leie". */
public final class Slugs {
    private Slugs() {
    }

    public static String of(String name) {
        String slug = Folding.fold(name).replace(' ', '-');
        return slug.isEmpty() ? "listing" : slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}
