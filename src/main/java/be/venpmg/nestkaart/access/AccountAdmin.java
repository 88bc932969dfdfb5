package be.venpmg.nestkaart.access;

import io.micronaut.transaction.annotation.Transactional;

import be.venpmg.nestkaart.kernel.Revisions;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.TextHygiene;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.regex.Pattern;

/** Creates and (de)activates accounts, each step audited. Used by the admin API and the {@code create-admin} command. */
@Singleton
public class AccountAdmin {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,250}\\.[^@\\s]{2,}$");
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final Revisions revisions;

    AccountAdmin(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, PasswordPolicy passwords,
                 Revisions revisions) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwords = passwords;
        this.revisions = revisions;
    }

    @Transactional
    public Account create(String email, String displayName, String role, @Nullable String professionalId,
                          @Nullable String organizationId, String password, String actor, @Nullable Long actorId) {
        return insert(email, displayName, role, professionalId, organizationId, password, true, actor, actorId);
    }

    /**
     * An organisation's representative asks for an account: it is created inactive, and an editor's confirmation of
     * the claim activates it.
     */
    @Transactional
    public Account requestRepresentative(String email, String displayName, String organizationId, String password) {
        return insert(email, displayName, Roles.REPRESENTATIVE, null, organizationId, password, false,
                "public:claim", null);
    }

    private Account insert(String email, String displayName, String role, @Nullable String professionalId,
                           @Nullable String organizationId, String password, boolean active, String actor,
                           @Nullable Long actorId) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new InvalidParameterException("email", "is not an e-mail address");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidParameterException("display_name", "needs 1 to 200 characters");
        }
        if (!Roles.ALL.contains(role)) {
            throw new InvalidParameterException("role", "must be one of " + Roles.ALL);
        }
        if (Roles.PROFESSIONAL.equals(role) == (professionalId == null || professionalId.isBlank())) {
            throw new InvalidParameterException("professional_id",
                    "a professional account needs the profile it may edit; other roles have none");
        }
        TextHygiene.checked("display_name", displayName);
        passwords.check("password", password, email, displayName);
        String hash = hasher.hash(password);
        if (accounts.emailTaken(email)) {
            throw RequestRefusedException.conflict("An account with this e-mail address exists already.");
        }
        if (professionalId != null && !accounts.professionalExists(professionalId)) {
            throw new InvalidParameterException("professional_id", "no professional with this id");
        }
        if (Roles.REPRESENTATIVE.equals(role) == (organizationId == null || !accounts.organizationExists(organizationId))) {
            throw new InvalidParameterException("organization_id",
                    "a representative account needs the organisation it manages; other roles have none");
        }
        long id = accounts.create(email, displayName.strip(), role, professionalId, organizationId, hash, active);
        revisions.record("account", String.valueOf(id), "created", actor, actorId, null,
                Map.of("email", Map.of("to", AccountStore.normalise(email)), "role", Map.of("to", role)));
        return accounts.byId(id).orElseThrow();
    }

    @Transactional
    public Account setActive(long id, boolean active, CurrentAccount actor) {
        if (id == actor.id() && !active) {
            throw RequestRefusedException.conflict("You cannot deactivate your own account.");
        }
        accounts.byId(id).orElseThrow(() -> new be.venpmg.nestkaart.kernel.NotFoundException("account", String.valueOf(id)));
        accounts.setActive(id, active);
        if (!active) {
            sessions.closeAll(id);
        }
        revisions.record("account", String.valueOf(id), active ? "activated" : "deactivated", actor, null, null);
        return accounts.byId(id).orElseThrow();
    }

    /** A new password: every session of the account ends, and the change is audited. */
    @Transactional
    public void changePassword(CurrentAccount me, String newPassword) {
        Account account = accounts.byId(me.id()).orElseThrow();
        passwords.check("new_password", newPassword, account.email(), account.displayName());
        accounts.setPassword(me.id(), hasher.hash(newPassword));
        sessions.closeAll(me.id());
        revisions.record("account", String.valueOf(me.id()), "password_changed", me, null, null);
    }
}
