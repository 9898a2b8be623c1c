package io.github.healthgrpc.autoconfigure.server;

import java.util.List;

import io.github.healthgrpc.server.GrpcServerSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Hints for the classes whose presence an adapter checks by name when the application
 * starts ({@link GrpcServerSupport#isPresent}, {@link OwnHealthServiceSwitch}): in a
 * native image {@code Class.forName} finds only classes registered for reflection, so
 * without the hint a server that is there would look absent. Each adapter lists a
 * subclass in {@code META-INF/spring/aot.factories}.
 *
 * @since 0.1.0
 */
public abstract class ClassPresenceRuntimeHints implements RuntimeHintsRegistrar {

	private final List<String> classNames;

	/**
	 * Hints for the given classes.
	 * @param classNames the fully qualified names of the classes checked for
	 */
	protected ClassPresenceRuntimeHints(String... classNames) {
		this.classNames = List.of(classNames);
	}

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.classNames.forEach((className) -> hints.reflection().registerType(TypeReference.of(className)));
	}

}
