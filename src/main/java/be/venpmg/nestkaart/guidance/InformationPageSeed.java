package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.editorial.ListingKind;
import be.venpmg.nestkaart.editorial.LiveListings;
import be.venpmg.nestkaart.kernel.Resources;
import be.venpmg.nestkaart.kernel.Revisions;
import io.micronaut.context.annotation.Value;
import be.venpmg.nestkaart.taxonomy.TaxonomyTermRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads the first version of the information pages ({@code seed-data/pages/}, see its README) with the seed data,
 * published as an import; editors change them afterwards through review.
 */
@Singleton
public class InformationPageSeed {
    private final TaxonomyTermRepository terms;
    private final LiveListings live;
    private final Revisions revisions;
    private final Resources resources;
    private final String folder;

    InformationPageSeed(TaxonomyTermRepository terms, LiveListings live, Revisions revisions, Resources resources,
                        @Value("${nestkaart.seed.pages}") String folder) {
        this.terms = terms;
        this.live = live;
        this.revisions = revisions;
        this.resources = resources;
        this.folder = folder;
    }

    @Transactional
    public int load() {
        List<String> files = read("pages.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String file : files) {
            Map<String, Object> sent = parse(file, read(file));
            String id = UUID.nameUUIDFromBytes(("page/" + sent.get("slug")).getBytes(StandardCharsets.UTF_8)).toString();
            live.publish(ListingKind.PAGE, id, ListingKind.PAGE.merge(ListingKind.PAGE.blank(), sent), true);
            revisions.record(ListingKind.PAGE.name(), id, "import", "system:seed", null, null, null);
        }
        return files.size();
    }

    /** The header's fields (between the two {@code ---} lines) and the body after it. */
    private Map<String, Object> parse(String file, String text) {
        String[] parts = text.split("(?m)^---\\s*$", 3);
        if (parts.length < 3 || !parts[0].isBlank()) {
            throw new IllegalStateException("Seed page " + file + " has no header between --- lines");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("slug", file.replaceFirst("\\.md$", ""));
        for (String line : parts[1].strip().split("\\R")) {
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "title", "summary", "sources" -> fields.put(key, value);
                case "search" -> fields.put("search_text", value);
                case "needs" -> fields.put(ListingKind.TERMS_FIELD, termIds(file, value.split("\\s*,\\s*")));
                default -> throw new IllegalStateException("Seed page " + file + " has unknown header " + key);
            }
        }
        fields.put("body", parts[2].strip());
        return fields;
    }

    private List<String> termIds(String file, String[] needs) {
        List<String> ids = new ArrayList<>();
        for (String need : needs) {
            int colon = need.indexOf(':');
            ids.add(terms.findIdByTaxonomyAndCode(need.substring(0, colon), need.substring(colon + 1))
                    .orElseThrow(() -> new IllegalStateException("Seed page " + file + " names unknown term " + need)));
        }
        return ids;
    }

    private String read(String name) {
        try (InputStream in = resources.open(folder + "/" + name)
                .orElseThrow(() -> new IllegalStateException("Seed page not found: " + folder + "/" + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
