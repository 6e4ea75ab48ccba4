package io.parley.server.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a listing: {@code {"items":[...],"page":0,"size":20,"total":42}}. {@code page} counts from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(page.map(view).getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
