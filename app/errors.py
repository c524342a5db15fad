"""Typed errors of the core.

Every error carries a stable ``code`` (a string the window and the command line turn into a
sentence for people, in Chinese or Tibetan) and structured ``details``.  Core code never builds
sentences for clerks; the English ``str()`` is for logs and developers only and must never contain
personal data.
"""

from __future__ import annotations

from typing import Any


class BianminError(Exception):
    """Base of every error the core raises on purpose."""

    code: str = "error"

    def __init__(self, message: str = "", **details: Any) -> None:
        super().__init__(message or self.code)
        self.details: dict[str, Any] = details


class StationError(BianminError):
    code = "station"


class StationNotFound(StationError):
    code = "station.not_found"


class StationExists(StationError):
    code = "station.exists"


class AuthError(BianminError):
    code = "auth"


class WrongPassword(AuthError):
    code = "auth.wrong_password"


class AccountLocked(AuthError):
    code = "auth.locked"


class UnknownOperator(AuthError):
    code = "auth.unknown_operator"


class UnknownLogin(WrongPassword, UnknownOperator):
    """A login with no key slot (never made, or disabled), answered exactly as a wrong password so
    that nobody learns from outside which logins exist."""

    code = "auth.wrong_password"


class OperatorDisabled(AuthError):
    code = "auth.disabled"


class PermissionDenied(AuthError):
    code = "auth.permission_denied"


class WeakPassword(AuthError):
    code = "auth.weak_password"


class WrongRecoveryCode(AuthError):
    code = "auth.wrong_recovery_code"


class StoreError(BianminError):
    code = "store"


class StoreCorrupt(StoreError):
    """The database or key file is damaged; ``details['backup']`` names the last good backup."""

    code = "store.corrupt"


class DiskFull(StoreError):
    code = "store.disk_full"


class WriteFailed(StoreError):
    """The disk refused a write (an I/O error, a file-size limit); the transaction rolled back."""

    code = "store.write_failed"


class StoreBusy(StoreError):
    code = "store.busy"


class StoreUnreadable(StoreError):
    """No key opens the store, yet its pages are not damaged (every page fails alike: a key file
    that does not belong to this store, or a rekey made elsewhere).  Nothing is changed; a restore
    is not the answer, so none is advised."""

    code = "store.unreadable"


class StationInUse(StoreError):
    """A restore or rekey refused because another connection (``details['holders']``:
    ``other_process`` or ``this_process``) has the store open."""

    code = "store.in_use"


class StationHeld(StoreError):
    """The store is being restored or re-encrypted by another process; opening it must wait."""

    code = "store.held"


class StoreReplaced(StoreError):
    """The store file was replaced under this connection (a restore made without the station's
    lock); nothing more is written through it."""

    code = "store.replaced"


class MigrationError(StoreError):
    code = "store.migration"


class SchemaTooNew(StoreError):
    """The store was written by a newer program (``details``: ``found``, ``known``); opening it
    with this one could lose what the newer one keeps, so it is left untouched."""

    code = "store.too_new"


class BackupError(StoreError):
    code = "store.backup"


class ValidationError(BianminError):
    """Bad input; ``details['problems']`` is a list of :class:`Problem`-like dicts."""

    code = "validation"


class InvalidId(ValidationError):
    code = "validation.id"


class InvalidPhone(ValidationError):
    code = "validation.phone"


class CatalogueFileError(ValidationError):
    code = "catalogue.file"


class NotFound(BianminError):
    code = "not_found"


class CaseNotFound(NotFound):
    code = "case.not_found"


class ItemNotFound(NotFound):
    code = "catalogue.item_not_found"


class DecisionNotAllowed(BianminError):
    """A decision the rules forbid, e.g. accepting with a required material missing."""

    code = "case.decision_not_allowed"


class InvalidTransition(BianminError):
    code = "case.invalid_transition"


class CaseNumbersExhausted(BianminError):
    """This device has used all 999 case numbers of the day (``details``: ``day``, ``device``); the
    case was not recorded. Another device of the station can take it in."""

    code = "case.numbers_exhausted"


class JournalBroken(BianminError):
    code = "journal.broken"


class EventMalformed(BianminError):
    """A journal event whose payload lacks a key its type has, or holds one of the wrong kind (nothing
    this program ever wrote: a damaged or foreign journal). Details: ``payload`` (its kind), ``key``."""

    code = "journal.event_malformed"


class ClockImplausible(BianminError):
    """The computer's date cannot be right (``details``: ``today``, ``earliest``, ``latest``): before
    the station could exist or far past anything it has recorded; nothing was recorded."""

    code = "clock.implausible"


class PrintError(BianminError):
    code = "print"


class MissingGlyphs(PrintError):
    """Text that no bundled font can draw; ``details['chars']`` lists them as U+XXXX."""

    code = "print.missing_glyphs"


class SyncError(BianminError):
    code = "sync"


class NotEnrolled(SyncError):
    code = "sync.not_enrolled"


class LinkDown(SyncError):
    """The hub could not be reached or answered 5xx; try again later."""

    code = "sync.link_down"


class HubRefused(SyncError):
    """The hub refused the request (``details['reason']``: bad_code, bad_signature, replayed, ...)."""

    code = "sync.refused"


class HubProtocolError(SyncError):
    """The hub's answer does not follow the protocol."""

    code = "sync.protocol"


class AttachmentError(BianminError):
    """A file that cannot become a case's scanned material; ``details['name']`` is the file's name."""

    code = "attachment"


class AttachmentTooLarge(AttachmentError):
    """Over a limit: ``details['limit_text']`` says which (``reason``: file_size, pdf_size, pixels)."""

    code = "attachment.too_large"


class AttachmentUnsupported(AttachmentError):
    """Not JPEG, PNG or PDF by its content (whatever its name says)."""

    code = "attachment.unsupported"


class AttachmentCorrupt(AttachmentError):
    """Looks like a supported type but cannot be read (truncated, damaged, or failed its hash check)."""

    code = "attachment.corrupt"


class AttachmentNotFound(NotFound):
    code = "attachment.not_found"


class BundleError(BianminError):
    """An offline bundle (or its acknowledgement) that cannot be used; ``details['path']`` names the file."""

    code = "bundle"


class BundleUnreadable(BundleError):
    """The file cannot be read (``details['reason']``: the system's word for it)."""

    code = "bundle.unreadable"


class BundleNotABundle(BundleError):
    """The file is not an offline bundle at all."""

    code = "bundle.not_a_bundle"


class BundleUnsupported(BundleError):
    """A bundle of a format version this program does not know (``details['version']``)."""

    code = "bundle.unsupported_version"


class BundleTampered(BundleError):
    """The bundle's bytes are not what its device signed (changed, damaged, reordered, appended to)."""

    code = "bundle.tampered"


class BundleTruncated(BundleError):
    """The bundle ends before its last chunk and signature (an unfinished copy)."""

    code = "bundle.truncated"


class BundleUnknownSigner(BundleError):
    """Not signed by a device key the platform certified for the bundle's station."""

    code = "bundle.unknown_signer"


class BundleForeignRegion(BundleError):
    """Made by a device of another region's platform (``details['region']``)."""

    code = "bundle.foreign_region"


class BundleAlreadyDelivered(BundleError):
    """The bundle reached the platform before (``details``: station, delivered_at, ack, source)."""

    code = "bundle.already_delivered"


class BundleNothingToExport(BundleError):
    """Every event and attachment has reached the platform: no bundle was written."""

    code = "bundle.empty"


class BundleNoCertificate(BundleError):
    """The station has no device certificate from the platform yet (it needs the link once)."""

    code = "bundle.no_certificate"


class BundleAckInvalid(BundleError):
    """An acknowledgement file that is not the platform's word about this station's bundle (``reason``)."""

    code = "bundle.bad_ack"


class DesktopLibrariesMissing(BianminError):
    """Qt's X11 platform cannot load: the system lacks its libraries (``packages``: the apt names)."""

    code = "desktop.libraries_missing"
