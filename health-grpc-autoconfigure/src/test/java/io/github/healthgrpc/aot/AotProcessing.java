package io.github.healthgrpc.aot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

/**
 * The two ends of processing an application ahead of time, as Spring Boot's build plugins
 * do it: the loaded context to process, and the generated initializer to start with.
 */
final class AotProcessing {

	private AotProcessing() {
	}

	/**
	 * What {@code SpringApplicationAotProcessor} does: run the application until its
	 * context is loaded, and hand that context over for processing.
	 * @param application the application
	 * @return its loaded, unrefreshed context
	 */
	static GenericApplicationContext loaded(SpringApplicationBuilder application) {
		SpringApplicationHook hook = (app) -> new SpringApplicationRunListener() {

			@Override
			public void contextLoaded(ConfigurableApplicationContext context) {
				throw new SpringApplication.AbandonedRunException(context);
			}

		};
		try {
			SpringApplication.withHook(hook, () -> application.run());
		}
		catch (SpringApplication.AbandonedRunException ex) {
			return (GenericApplicationContext) ex.getApplicationContext();
		}
		throw new IllegalStateException("The application did not load a context");
	}

	/**
	 * The initializer that starts an application from its generated code.
	 * @param initializer the class that processing generated
	 * @return the initializer
	 */
	static ApplicationContextInitializer<ConfigurableApplicationContext> aotInitializer(ClassName initializer) {
		return AotApplicationContextInitializer.forInitializerClasses(initializer.canonicalName());
	}

}
