package be.venpmg.nestkaart.kernel;

/** No published resource of that kind with that id; answered with 404 and a problem body. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String kind, String id) {
        super("No published " + kind + " with id '" + id + "'");
    }
}
