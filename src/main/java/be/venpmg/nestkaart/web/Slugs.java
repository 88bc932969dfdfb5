package be.venpmg.nestkaart.web;

import be.venpmg.nestkaart.geo.PlaceNames;

/** Readable URL parts: "C.G.G. Mandel & Leie" → "c-g-g-mandel-leie". */
public final class Slugs {
    private Slugs() {
    }

    public static String of(String name) {
        String slug = PlaceNames.fold(name).replace(' ', '-');
        return slug.isEmpty() ? "listing" : slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}
