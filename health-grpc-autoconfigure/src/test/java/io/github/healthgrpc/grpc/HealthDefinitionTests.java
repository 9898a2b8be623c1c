package io.github.healthgrpc.grpc;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.proto.health.v1.HealthProto;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Health service's definition loads no protobuf message when it is bound, and still
 * carries the schema gRPC server reflection reads: a real server on a loopback port
 * describes it to a reflection client.
 */
class HealthDefinitionTests {

	private static final List<String> MESSAGES = List.of("HealthCheckRequest", "HealthCheckResponse",
			"HealthListRequest", "HealthListResponse");

	@Test
	void bindingTheServiceLoadsNoHealthMessage() throws Exception {
		// A class loader of its own, so that what other tests loaded does not count.
		try (Isolated loader = new Isolated()) {
			Class<?> storeType = loader.loadClass(StatusStore.class.getName());
			Class<?> serviceType = loader.loadClass(HealthGrpcService.class.getName());
			Object service = serviceType
				.getConstructor(loader.loadClass("io.github.healthgrpc.store.ServiceStatuses"), int.class)
				.newInstance(storeType.getConstructor().newInstance(), 3);
			// Through the interface: reflecting on the service's own methods would load
			// their
			// parameter types, the request messages.
			Object definition = loader.loadClass(BindableService.class.getName())
				.getMethod("bindService")
				.invoke(service);
			assertThat(definition.getClass().getName()).isEqualTo(ServerServiceDefinition.class.getName());
			List<String> loaded = new ArrayList<>();
			for (String message : MESSAGES) {
				if (loader.loaded("io.github.healthgrpc.proto.health.v1." + message)) {
					loaded.add(message);
				}
			}
			System.out.println("Health message classes loaded by bindService(): " + loaded.size() + " of "
					+ MESSAGES.size() + " " + loaded);
			assertThat(loaded).isEmpty();
		}
	}

	@Test
	void definitionCarriesTheSchemaServerReflectionReads() {
		ServerServiceDefinition definition = new HealthGrpcService(new StatusStore(), 3).bindService();
		assertThat(definition.getServiceDescriptor().getName()).isEqualTo(HealthGrpc.SERVICE_NAME);
		assertThat(definition.getServiceDescriptor().getSchemaDescriptor()).isInstanceOfSatisfying(
				ProtoFileDescriptorSupplier.class,
				(schema) -> assertThat(schema.getFileDescriptor()).isSameAs(HealthProto.getDescriptor()));
		// The same methods as the generated definition, each with its schema.
		assertThat(definition.getMethods()).hasSize(HealthGrpc.getServiceDescriptor().getMethods().size());
		for (MethodDescriptor<?, ?> generated : HealthGrpc.getServiceDescriptor().getMethods()) {
			MethodDescriptor<?, ?> method = definition.getMethod(generated.getFullMethodName()).getMethodDescriptor();
			assertThat(method.getType()).isEqualTo(generated.getType());
			assertThat(((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor())
				.isSameAs(((ProtoMethodDescriptorSupplier) generated.getSchemaDescriptor()).getMethodDescriptor());
		}
	}

	@Test
	void serverReflectionDescribesTheService() throws Exception {
		try (HealthServiceServer server = HealthServiceServer.overNetty()
			.start(new HealthGrpcService(new StatusStore(), 3), ProtoReflectionServiceV1.newInstance())) {
			List<ServerReflectionResponse> responses = new CopyOnWriteArrayList<>();
			CompletableFuture<Void> done = new CompletableFuture<>();
			StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(server.channel())
				.withDeadlineAfter(10, TimeUnit.SECONDS)
				.serverReflectionInfo(new StreamObserver<>() {

					@Override
					public void onNext(ServerReflectionResponse response) {
						responses.add(response);
					}

					@Override
					public void onError(Throwable error) {
						done.completeExceptionally(error);
					}

					@Override
					public void onCompleted() {
						done.complete(null);
					}

				});
			requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
			requests.onNext(ServerReflectionRequest.newBuilder()
				.setFileContainingSymbol(HealthGrpc.SERVICE_NAME + ".Watch")
				.build());
			requests.onCompleted();
			done.get(10, TimeUnit.SECONDS);
			assertThat(responses).hasSize(2);
			assertThat(responses.get(0).getListServicesResponse().getServiceList()).extracting(ServiceResponse::getName)
				.contains(HealthGrpc.SERVICE_NAME);
			FileDescriptorProto file = FileDescriptorProto
				.parseFrom(responses.get(1).getFileDescriptorResponse().getFileDescriptorProto(0));
			System.out.println("Server reflection: " + HealthGrpc.SERVICE_NAME + ".Watch is in " + file.getName());
			assertThat(file).isEqualTo(HealthProto.getDescriptor().toProto());
		}
	}

	/**
	 * Loads the test class path itself, and tells which classes it has loaded.
	 */
	private static final class Isolated extends URLClassLoader {

		Isolated() throws MalformedURLException {
			super(classPath(), ClassLoader.getPlatformClassLoader());
		}

		boolean loaded(String name) {
			return findLoadedClass(name) != null;
		}

		private static URL[] classPath() throws MalformedURLException {
			String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
			URL[] urls = new URL[entries.length];
			for (int i = 0; i < entries.length; i++) {
				urls[i] = new File(entries[i]).toURI().toURL();
			}
			return urls;
		}

	}

}
