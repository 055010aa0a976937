package org.jodb.enhance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import net.bytebuddy.description.type.TypeDescription;
import org.jodb.cache.PersistentObject;
import org.junit.jupiter.api.Test;

/**
 * The shape of build-time enhanced classes. These tests also prove that the module's
 * {@code transform-test} goal ran: without it, nothing here would be {@link Enhanced}.
 */
class EnhancedStructureTest {

    @Test
    void everyTransformedClassIsMarked() {
        for (Class<?> type : new Class<?>[] {Point.class, Point3D.class, Labeled.class, PlainBase.class,
                Account.Ledger.class, Account.Auditor.class, EnhancedStructureTest.class}) {
            assertTrue(type.isAnnotationPresent(Enhanced.class), type.getName());
        }
    }

    @Test
    void topPersistentClassesImplementTheContract() {
        assertTrue(Arrays.asList(Point.class.getInterfaces()).contains(PersistentObject.class));
        assertTrue(Arrays.asList(Labeled.class.getInterfaces()).contains(PersistentObject.class));
        assertFalse(PersistentObject.class.isAssignableFrom(PlainBase.class));
        assertFalse(PersistentObject.class.isAssignableFrom(Account.Ledger.class));
    }

    @Test
    void subclassesInheritTheContractWithoutRedeclaringIt() {
        assertTrue(PersistentObject.class.isAssignableFrom(Point3D.class));
        assertFalse(Arrays.asList(Point3D.class.getInterfaces()).contains(PersistentObject.class));
        assertTrue(Arrays.stream(Point3D.class.getDeclaredFields())
                .noneMatch(field -> field.getName().startsWith("$jodb")));
    }

    @Test
    void stateFieldsArePrivateTransientSynthetic() throws NoSuchFieldException {
        for (String name : new String[] {"$jodb_state", "$jodb_oid", "$jodb_serial", "$jodb_manager",
                "$jodb_prev", "$jodb_next", "$jodb_size"}) {
            Field field = Point.class.getDeclaredField(name);
            int modifiers = field.getModifiers();
            assertTrue(Modifier.isPrivate(modifiers) && Modifier.isTransient(modifiers), name);
            assertTrue(field.isSynthetic(), name);
        }
    }

    @Test
    void hooksArePublicFinal() throws NoSuchMethodException {
        for (String name : new String[] {"$jodbBeforeRead", "$jodbBeforeWrite"}) {
            Method hook = Point.class.getDeclaredMethod(name);
            assertTrue(Modifier.isPublic(hook.getModifiers()) && Modifier.isFinal(hook.getModifiers()));
        }
    }

    @Test
    void accessorsRoundTrip() {
        PersistentObject point = (PersistentObject) new Point(1, 2);
        PersistentObject other = (PersistentObject) new Labeled("x");
        point.$jodbOid(11);
        point.$jodbSerial(12);
        point.$jodbSize(13);
        point.$jodbPrev(other);
        point.$jodbNext(other);
        assertEquals(11, point.jodbOid());
        assertEquals(12, point.jodbSerial());
        assertEquals(13, point.$jodbSize());
        assertEquals(other, point.$jodbPrev());
        assertEquals(other, point.$jodbNext());
    }

    @Test
    void enhancedClassesAreNotMatchedAgain() {
        PersistentPlugin plugin = new PersistentPlugin();
        assertFalse(plugin.matches(TypeDescription.ForLoadedType.of(Point.class)));
        assertFalse(plugin.matches(TypeDescription.ForLoadedType.of(PlainBase.class)));
        assertFalse(plugin.matches(TypeDescription.ForLoadedType.of(Enhanced.class)));
    }

    @Test
    void persistenceIsInherited() {
        assertTrue(Enhancement.isPersistentClass(Point.class));
        assertTrue(Enhancement.isPersistentClass(Point3D.class));
        assertFalse(Enhancement.isPersistentClass(PlainBase.class));
        assertFalse(Enhancement.isPersistentClass(Account.Auditor.class));
    }

    @Test
    void requireEnhancedAcceptsEnhancedAndPlainClasses() {
        Enhancement.requireEnhanced(Point.class);
        Enhancement.requireEnhanced(Point3D.class);
        Enhancement.requireEnhanced(String.class);
        assertThrows(NullPointerException.class, () -> Enhancement.requireEnhanced(null));
    }
}
