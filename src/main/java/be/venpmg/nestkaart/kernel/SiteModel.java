package be.venpmg.nestkaart.kernel;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** Every server-rendered page gets the site's branding as {@code site} (name, logo, footer). */
@Singleton
class SiteModel implements ViewModelProcessor<Map<String, Object>> {
    private final SiteBranding branding;

    SiteModel(SiteBranding branding) {
        this.branding = branding;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        Map<String, Object> model = new HashMap<>(view.getModel().orElse(Map.of()));
        model.put("site", branding);
        view.setModel(model);
    }
}
