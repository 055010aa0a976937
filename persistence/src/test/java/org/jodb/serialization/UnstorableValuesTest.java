package org.jodb.serialization;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.jodb.NotEnhancedException;
import org.jodb.enhance.RuntimeCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.jodb.UnknownClassException;
import org.jodb.UnstorableFieldException;
import org.junit.jupiter.api.Test;

/** Values that cannot be stored fail encode with the top-level field named; unknown classes fail decode. */
class UnstorableValuesTest {
    private final CodecFixture fixture = new CodecFixture();

    private UnstorableFieldException refused(Object value) {
        Holder h = new Holder("fine");
        h.other = value;
        fixture.context.register(h);
        UnstorableFieldException e = assertThrows(UnstorableFieldException.class, () -> fixture.codec.encode(h));
        assertEquals(Holder.class.getName(), e.className());
        assertEquals("other", e.fieldName());
        // the codec is still usable and a good object encodes completely afterwards
        h.other = "ok";
        assertEquals("ok", ((Holder) fixture.decode(fixture.codec.encode(h))).other);
        return e;
    }

    @Test
    void runtimeResourcesAreRefused() throws Exception {
        refused(new Thread(() -> { }));
        refused(getClass().getClassLoader());
        refused(new ByteArrayInputStream(new byte[0]));
        refused(new StringReader("r"));
        refused(new StringWriter());
        refused(new Socket());
        Pipe pipe = Pipe.open();
        try {
            refused(pipe.source());
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void classesWithoutStableNamesAreRefusedEvenDeepInsideAGraph() {
        Supplier<String> lambda = () -> "x";
        assertTrue(refused(lambda).getMessage().contains("hidden"));
        refused(new Object() { });
        class Local { }
        refused(new Local());
        refused(List.of(Map.of("k", new ArrayList<>(List.of(lambda)))));
        refused(new Runnable[] {() -> { }});
    }

    @Test
    void classesWhoseFieldsCannotBeOpenedAreRefused() {
        UnstorableFieldException e = refused(new Random(1));
        assertTrue(e.getMessage().contains("java.util.Random"), e.getMessage());
    }

    @Test
    void objectsOfAnotherConnectionAreRefused() {
        Node foreign = new Node("theirs");
        fixture.context.foreign.put(foreign, true);
        UnstorableFieldException e = refused(List.of(foreign));
        assertTrue(e.getMessage().contains("another connection"), e.getMessage());
    }

    @Test
    void persistentClassesThatWereNotEnhancedAreRefused(@TempDir Path classes) throws Exception {
        RuntimeCompiler.compile(classes, Map.of("gen.NotEnhancedThing",
                "package gen; @org.jodb.Persistent public class NotEnhancedThing { int x; }"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> unenhanced = loader.loadClass("gen.NotEnhancedThing");
            Object thing = unenhanced.getConstructor().newInstance();
            Holder h = new Holder(List.of(thing));
            NotEnhancedException e = assertThrows(NotEnhancedException.class, () -> fixture.codec.encode(h));
            assertTrue(e.getMessage().contains("gen.NotEnhancedThing"), e.getMessage());
            assertTrue(e.getMessage().contains("javaagent"), e.getMessage());
            assertThrows(NotEnhancedException.class, () -> fixture.codec.newInstance(unenhanced));
        }
    }

    @Test
    void aClassNoLongerOnTheClasspathIsNamedOnDecode() {
        Holder h = new Holder(new ArrayList<>(List.of(new PlainV1())));
        fixture.context.register(h);
        EncodedState state = fixture.codec.encode(h);
        fixture.storage.rename(PlainV1.class.getName(), "com.example.gone.Vanished");
        CodecFixture reader = new CodecFixture(fixture.storage);
        Holder target = new Holder("stale");
        UnknownClassException e = assertThrows(UnknownClassException.class,
                () -> reader.codec.decode(target, state.classId(), state.payload()));
        assertEquals("com.example.gone.Vanished", e.className());
        assertNull(target.value, "a failed decode leaves the target cleared, not half-set");
    }

    @Test
    void aRecordOfAVanishedPersistentClassIsNamed() {
        Node n = new Node("n");
        fixture.context.register(n);
        EncodedState state = fixture.codec.encode(n);
        fixture.storage.rename(Node.class.getName(), "com.example.gone.Node");
        CodecFixture reader = new CodecFixture(fixture.storage);
        UnknownClassException e = assertThrows(UnknownClassException.class, () -> reader.codec.classOf(state.classId()));
        assertEquals("com.example.gone.Node", e.className());
        assertThrows(UnknownClassException.class, () -> reader.codec.classOf(12345));
    }
}
