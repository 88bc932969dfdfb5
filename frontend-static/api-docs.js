// Browsable API documentation: Swagger UI over the OpenAPI document the service generates from its controllers.
window.addEventListener('DOMContentLoaded', function () {
  if (typeof window.SwaggerUIBundle !== 'function') {
    return; // the explanatory text and the link to /openapi.json stay
  }
  window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    tagsSorter: 'alpha'
  });
});
