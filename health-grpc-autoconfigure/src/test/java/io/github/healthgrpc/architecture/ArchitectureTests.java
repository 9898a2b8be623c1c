package io.github.healthgrpc.architecture;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.github.healthgrpc.actuate.endpoint.GrpcHealthEndpoint;
import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.StatusStore;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependencies the README promises, checked on the compiled main classes: runtime
 * packages never import the auto-configuration (Spring Boot's own line, as between
 * {@code grpc.server.health} and {@code grpc.server.autoconfigure.health}), no package
 * takes part in a cycle, the core knows no gRPC server, the views only read the store
 * (and through its read-only face, but for the endpoint's maintenance switch), each
 * server adapter (its runtime package and its auto-configuration package) stands alone,
 * and so does the health port, a server of its own that knows neither server (the adapter
 * rules cover that) and that nothing else needs.
 */
@AnalyzeClasses(packages = "io.github.healthgrpc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String AUTOCONFIGURE = "io.github.healthgrpc.autoconfigure..";

	private static final String[] ADAPTERS = { "io.github.healthgrpc.server.devh..",
			"io.github.healthgrpc.autoconfigure.server.devh..", "io.github.healthgrpc.server.boot..",
			"io.github.healthgrpc.autoconfigure.server.boot.." };

	private static final String[] HEALTH_PORT = { "io.github.healthgrpc.server.port..",
			"io.github.healthgrpc.autoconfigure.server.port.." };

	@ArchTest
	static final ArchRule runtimePackagesNeverImportAutoConfiguration = noClasses().that()
		.resideInAPackage("io.github.healthgrpc..")
		.and()
		.resideOutsideOfPackage(AUTOCONFIGURE)
		.should()
		.dependOnClassesThat()
		.resideInAPackage(AUTOCONFIGURE)
		.because("auto-configuration wires the runtime packages, never the other way, as in Spring Boot");

	// Top-level packages as slices catch a cycle between two areas through their
	// subpackages (autoconfigure.server -> server -> autoconfigure); every package as a
	// slice catches one inside an area (server <-> server.boot).
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = CompositeArchRule
		.of(slices().matching("io.github.healthgrpc.(*)..").should().beFreeOfCycles())
		.and(slices().matching("io.github.healthgrpc.(**)").should().beFreeOfCycles())
		.because("dependencies point one way: sources, engine, store, views, adapters, auto-configuration");

	// The gRPC clients' packages: upstream checks may take a named channel from either.
	private static final String[] CLIENTS = { "net.devh.boot.grpc.client..", "org.springframework.grpc.client..",
			"org.springframework.boot.grpc.client.." };

	@ArchTest
	static final ArchRule theCoreImportsNoGrpcServer = noClasses().that()
		.resideInAPackage("io.github.healthgrpc..")
		.and()
		.resideOutsideOfPackages(ADAPTERS)
		.should()
		.dependOnClassesThat(
				resideInAnyPackage("net.devh..", "org.springframework.grpc..", "org.springframework.boot.grpc..")
					.and(not(resideInAnyPackage(CLIENTS))))
		.because("only a server adapter may know its server");

	@ArchTest
	static final ArchRule onlyTheUpstreamAutoConfigurationKnowsAGrpcClient = noClasses().that()
		.resideInAPackage("io.github.healthgrpc..")
		.and()
		.resideOutsideOfPackage("io.github.healthgrpc.autoconfigure.upstream..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(CLIENTS)
		.because("upstream checks are the one feature that uses a gRPC client, and their runtime package takes any "
				+ "io.grpc.Channel");

	@ArchTest
	static final ArchRule theCoreImportsNoAdapter = noClasses().that()
		.resideInAPackage("io.github.healthgrpc..")
		.and()
		.resideOutsideOfPackages(ADAPTERS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(ADAPTERS)
		.because("adapters plug into the core through io.github.healthgrpc.server, never the other way");

	@ArchTest
	static final ArchRule nothingImportsTheHealthPort = noClasses().that()
		.resideInAPackage("io.github.healthgrpc..")
		.and()
		.resideOutsideOfPackages(HEALTH_PORT)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(HEALTH_PORT)
		.because("the health port is optional: the core and the adapters work the same without it");

	private static final String[] VIEWS = { "io.github.healthgrpc.grpc..", "io.github.healthgrpc.actuate..",
			"io.github.healthgrpc.metrics..", "io.github.healthgrpc.file.." };

	// What a view may call on the StatusStore itself: the maintenance switch, which the
	// endpoint offers operators. Everything else a view needs is on ServiceStatuses.
	private static final Set<String> MAINTENANCE_SWITCH = Set.of("startMaintenance", "startMaintenanceOfEveryService",
			"endMaintenance", "endMaintenanceOfEveryService");

	private static final Set<String> READS = Arrays.stream(ServiceStatuses.class.getMethods())
		.map(Method::getName)
		.collect(Collectors.toUnmodifiableSet());

	@ArchTest
	static final ArchRule viewsOnlyReadTheStore = noClasses().that()
		.resideInAnyPackage(VIEWS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.github.healthgrpc.engine..", "io.github.healthgrpc.source..",
				"io.github.healthgrpc.resources..")
		.because("views read the status store and never run or schedule a check");

	@ArchTest
	static final ArchRule viewsReadTheStoreThroughItsReadOnlyFace = noClasses().that()
		.resideInAnyPackage(VIEWS)
		.and()
		.doNotBelongToAnyOf(GrpcHealthEndpoint.class)
		.should()
		.dependOnClassesThat()
		.belongToAnyOf(StatusStore.class)
		.because("views read ServiceStatuses, as Spring Boot's views read HealthContributors, not the registry");

	@ArchTest
	static final ArchRule viewsWriteToTheStoreOnlyThroughTheMaintenanceSwitch = noClasses().that()
		.resideInAnyPackage(VIEWS)
		.should()
		.callMethodWhere(
				DescribedPredicate.describe("a StatusStore method that writes, other than the maintenance switch",
						(JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(StatusStore.class)
								&& !READS.contains(call.getName()) && !MAINTENANCE_SWITCH.contains(call.getName())))
		.because("only the checks, the lifecycle and the sources change statuses; an operator's maintenance is the one"
				+ " change a view makes");

	// An adapter's runtime package and its auto-configuration package are one slice.
	@ArchTest
	static final ArchRule adaptersDoNotImportEachOther = slices().matching("io.github.healthgrpc..server.(*)..")
		.should()
		.notDependOnEachOther()
		.because("each server adapter is a small runtime package and its auto-configuration, of its own");

}
