package be.venpmg.nestkaart.kernel;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a list: the items, the total across pages, and where this page stands. */
@Serdeable
public record PageView<T>(long total, int page, int limit, long pages, List<T> items) {

    public static <T> PageView<T> of(List<T> items, long total, PageRequest request) {
        long pages = total == 0 ? 0 : (total + request.limit() - 1) / request.limit();
        return new PageView<>(total, request.page(), request.limit(), pages, items);
    }
}
