package io.github.healthgrpc.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.Environment;

/**
 * Binds the two maps of {@link HealthGrpcProperties} keyed by dotted names,
 * {@code grpc.health.services} and {@code grpc.health.checks}, within Spring Boot's own
 * binding of the properties, so that a key written as a plain dotted name
 * ({@code grpc.health.services.demo.Inventory.include}) binds like a bracketed one.
 *
 * <p>
 * By hand because Spring Boot cannot: for a map whose values are objects its binder takes
 * the single element after the map as the key (the service {@code demo} with an unknown
 * property {@code Inventory}), environment variables cannot write the brackets it needs,
 * and its binding of {@code @ConfigurationProperties} takes the environment's sources as
 * they are. So where Spring Boot's binding reaches one of the two maps, this binds the
 * map with Spring Boot's {@link Binder} from {@link BracketedKeyPropertySource} views of
 * the same sources, unknown names failing as with {@code ignoreUnknownFields = false},
 * and marks the names it read as bound for Spring Boot's own check. Everything else (the
 * rest of {@code grpc.health}, when it is bound, rebinding, {@code configprops}) is
 * Spring Boot's.
 */
final class DottedMapKeys implements ConfigurationPropertiesBindHandlerAdvisor {

	private static final ConfigurationPropertyName SERVICES = ConfigurationPropertyName.of("grpc.health.services");

	private static final ConfigurationPropertyName CHECKS = ConfigurationPropertyName.of("grpc.health.checks");

	private final Environment environment;

	DottedMapKeys(Environment environment) {
		this.environment = environment;
	}

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return new Handler(bindHandler);
	}

	private static boolean isDottedMap(ConfigurationPropertyName name, Bindable<?> target) {
		if (!name.equals(SERVICES) && !name.equals(CHECKS)) {
			return false;
		}
		Class<?> values = target.getType().asMap().resolveGeneric(1);
		return values == HealthGrpcProperties.Group.class || values == HealthGrpcProperties.Check.class;
	}

	private final class Handler extends AbstractBindHandler {

		// The views of the sources, made once for both maps: one binding reads one set of
		// sources.
		private @Nullable List<ConfigurationPropertySource> views;

		Handler(BindHandler parent) {
			super(parent);
		}

		@Override
		public <T> @Nullable Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target,
				BindContext context) {
			if (!isDottedMap(name, target)) {
				return super.onStart(name, target, context);
			}
			// Into the map the properties hold, as Spring Boot binds a map.
			List<ConfigurationPropertySource> views = views(context);
			Binder binder = new Binder(views, new PropertySourcesPlaceholdersResolver(DottedMapKeys.this.environment));
			binder.bind(name, target, new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(),
					new UnboundElementsSourceFilter()));
			// Every name under the map was bound, or reported above: none is left for
			// Spring Boot's check of grpc.health to report again. The views hold each
			// source's names under grpc.health, so no source is read again.
			for (ConfigurationPropertySource view : views) {
				if (view instanceof BracketedKeyPropertySource bracketed) {
					for (ConfigurationProperty property : bracketed.sourcePropertiesUnder(name)) {
						super.onSuccess(property.getName(), Bindable.of(Object.class), context, property.getValue());
					}
				}
			}
			// Spring Boot's binder would read the plain dotted keys again, and drop them.
			return null;
		}

		private List<ConfigurationPropertySource> views(BindContext context) {
			List<ConfigurationPropertySource> views = this.views;
			if (views == null) {
				views = BracketedKeyPropertySource.of(context.getSources());
				this.views = views;
			}
			return views;
		}

	}

}
