package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.kernel.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;

/** The signed-in account behind a request, read from its {@link Authentication}. */
public record CurrentAccount(long id, String email, String displayName, Collection<String> roles,
                             @Nullable String professionalId, @Nullable String organizationId) implements Actor {
    static final String ACCOUNT_ID = "account_id";
    static final String DISPLAY_NAME = "display_name";
    static final String PROFESSIONAL_ID = "professional_id";
    static final String ORGANIZATION_ID = "organization_id";
    static final String CSRF = "csrf";

    public static CurrentAccount of(Authentication authentication) {
        return new CurrentAccount(((Number) authentication.getAttributes().get(ACCOUNT_ID)).longValue(),
                authentication.getName(), String.valueOf(authentication.getAttributes().get(DISPLAY_NAME)),
                authentication.getRoles(), attribute(authentication, PROFESSIONAL_ID),
                attribute(authentication, ORGANIZATION_ID));
    }

    private static String attribute(Authentication authentication, String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    public boolean isRepresentative() {
        return roles.contains(Roles.REPRESENTATIVE);
    }

    public boolean isEditor() {
        return roles.contains(Roles.EDITOR);
    }

    @Override
    public Long accountId() {
        return id;
    }

    /** How revisions name this account: e-mail address and role. */
    @Override
    public String label() {
        return email + " (" + (roles.contains(Roles.ADMIN) ? Roles.ADMIN : roles.iterator().next()) + ")";
    }
}
