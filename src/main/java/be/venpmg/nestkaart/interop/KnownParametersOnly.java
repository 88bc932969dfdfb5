package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.util.Set;
import java.util.TreeSet;

/**
 * A query parameter the endpoint does not take is refused with 400 naming it: a client that misspells a filter
 * ({@code taxonomy_term=}) would otherwise get every record and believe them filtered. What an endpoint takes is read
 * from its own declaration (its {@code @QueryValue} arguments and request beans), so the rule needs no list of its own.
 */
@ServerFilter("/hsds/**")
class KnownParametersOnly {

    @RequestFilter
    void refuseUnknown(HttpRequest<?> request) {
        RouteMatch<?> route = RouteAttributes.getRouteMatch(request).orElse(null);
        if (!(route instanceof MethodBasedRouteMatch<?, ?> match)) {
            return;
        }
        Set<String> known = queryParameters(match);
        for (String name : request.getParameters().names()) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(name, "is not a parameter of this endpoint"
                        + (known.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", known)));
            }
        }
    }

    private static Set<String> queryParameters(MethodBasedRouteMatch<?, ?> match) {
        Set<String> names = new TreeSet<>();
        for (Argument<?> argument : match.getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(RequestBean.class)) {
                BeanIntrospector.SHARED.findIntrospection(argument.getType()).ifPresent(bean -> {
                    for (Argument<?> field : bean.getConstructorArguments()) {
                        addQueryValue(field, names);
                    }
                });
            } else {
                addQueryValue(argument, names);
            }
        }
        return names;
    }

    private static void addQueryValue(Argument<?> argument, Set<String> names) {
        if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
            names.add(argument.getAnnotationMetadata().stringValue(QueryValue.class).filter(n -> !n.isEmpty())
                    .orElse(argument.getName()));
        }
    }
}
