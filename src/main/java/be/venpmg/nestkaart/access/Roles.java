package be.venpmg.nestkaart.access;

import java.util.List;

/** The roles of Nestkaart accounts. The public has no account; an admin holds the editor's rights too. */
public final class Roles {
    public static final String PROFESSIONAL = "professional";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    /** Manages the listings of one organisation, every change through the editors' review. */
    public static final String REPRESENTATIVE = "representative";
    /** A member of the expert commission: votes on experience-route files and asks for more information. */
    public static final String COMMISSION = "commission";
    public static final List<String> ALL = List.of(PROFESSIONAL, EDITOR, ADMIN, REPRESENTATIVE, COMMISSION);

    private Roles() {
    }

    /** The roles an authenticated account of {@code role} holds. */
    public static List<String> granted(String role) {
        return ADMIN.equals(role) ? List.of(ADMIN, EDITOR) : List.of(role);
    }
}
