package be.venpmg.nestkaart.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A part of the OpenAPI document that the annotations cannot say, added once when the document is assembled (the
 * HSDS schemas, for one, come from the HSDS project's files and the Nestkaart profile rather than from Java types).
 */
public interface OpenApiContribution {
    void contribute(ObjectNode document);
}
