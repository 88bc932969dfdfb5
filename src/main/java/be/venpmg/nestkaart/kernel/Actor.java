package be.venpmg.nestkaart.kernel;

/** Who acts, as the audit trail records it: a signed-in account (or a system process, with no account id). */
public interface Actor {
    /** The account's id, or null for a process. */
    Long accountId();

    /** How the audit trail names the actor ("anna@venpmg.be (editor)"). */
    String label();
}
