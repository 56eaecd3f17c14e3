// Kept out of index.html: the Content-Security-Policy forbids inline scripts.
window.ui = SwaggerUIBundle({ url: '/api/openapi.yaml', dom_id: '#swagger-ui', deepLinking: true });
