import { z } from 'zod';
import type { EventMap, MethodMap } from './define';
import { printerStatusSchema } from './printer';

/**
 * The technician's device console: what the host found on its buses, which role each device plays at this
 * counter, tests run from the console, the device event log, the support bundle and the permissions report.
 * Nothing here carries personal data: device ids, kinds, event types and error codes only.
 */

/** What a device does at this counter. One device has at most one role; a role may be held by several devices. */
export const deviceRoleSchema = z.enum(['receipt-printer', 'ticket-printer', 'id-card-reader', 'document-scanner', 'barcode-scanner', 'queue-display', 'rating-keypad']);
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

/** Where the host found it. `usb-printer` is the kernel's printer class device (`/dev/usb/lp0`, write-only). */
export const deviceBusSchema = z.enum(['serial', 'hid', 'pcsc', 'network', 'usb-printer', 'escl', 'sane']);
export type DeviceBus = z.infer<typeof deviceBusSchema>;

export const deviceTestActionSchema = z.enum(['print-test', 'status', 'read-card']);
export type DeviceTestAction = z.infer<typeof deviceTestActionSchema>;

/** `present`: seen on its bus, not asked anything; `ready`/`busy`/`offline`/`error`: a live answer (printer status, reader state). */
export const deviceStateSchema = z.enum(['present', 'ready', 'busy', 'offline', 'error']);
export type DeviceState = z.infer<typeof deviceStateSchema>;

const hex4 = z.string().regex(/^[0-9a-f]{4}$/);
export const failureSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), path: z.string().optional() });

export const discoveredDeviceSchema = z.object({
  /** Stable across re-plugging where the bus allows it (USB vendor:product[:serial], reader name, tcp address). */
  id: z.string().min(1).max(300),
  bus: deviceBusSchema,
  name: z.string().max(300),
  vendorId: hex4.optional(),
  productId: hex4.optional(),
  /** From the table in hardware/discovery/vendors.ts, when the vendor id is known. */
  vendorName: z.string().max(100).optional(),
  /** Device file, reader name or `tcp://host:port`: what a test connects to. */
  path: z.string().max(300).optional(),
  suggestedRole: deviceRoleSchema.optional(),
  actions: z.array(deviceTestActionSchema),
  state: deviceStateSchema,
  printer: printerStatusSchema.optional(),
  card: z.object({ present: z.boolean(), atr: z.string().max(100).optional() }).optional(),
  /** Why the last probe of this device failed (unreachable, no answer…). */
  lastError: failureSchema.optional(),
  simulated: z.boolean(),
  /** The host's own receipt printer (MOTCUA_PRINTER or the simulator). */
  configured: z.boolean().optional(),
});
export type DiscoveredDevice = z.infer<typeof discoveredDeviceSchema>;

/** Each discovery source says whether it could look at all: "pcscd not running" is a state, not a crash. */
export const sourceReportSchema = z.object({
  source: z.string(),
  state: z.enum(['ok', 'unavailable', 'error']),
  count: z.int().min(0),
  error: failureSchema.optional(),
});
export type SourceReport = z.infer<typeof sourceReportSchema>;

export const discoveryReportSchema = z.object({
  devices: z.array(discoveredDeviceSchema),
  sources: z.array(sourceReportSchema),
  scannedAt: z.int().min(0),
});
export type DiscoveryReport = z.infer<typeof discoveryReportSchema>;

/** `tcp://host[:port]` as the technician types a network printer's address. */
export const tcpAddressSchema = z.string().trim().regex(/^tcp:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?\/?$/, { message: 'tcp://host:9100' });
export const serialPrinterSchema = z.object({ path: z.string().min(1).max(300), baudRate: z.int().min(1200).max(921_600).default(115_200) });

export const roleAssignmentSchema = z.object({
  deviceId: z.string().min(1).max(300),
  role: deviceRoleSchema,
  /** The technician's own label, e.g. "Máy in quầy 3". */
  label: z.string().trim().max(100).optional(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const DEVICE_PROFILE_FORMAT = 'motcua-device-profile';
export const DEVICE_PROFILE_VERSION = 1;

/** The counter's device profile: the file a technician exports from one kiosk and imports on its replacement. */
export const deviceProfileSchema = z
  .object({
    format: z.literal(DEVICE_PROFILE_FORMAT),
    version: z.literal(DEVICE_PROFILE_VERSION),
    exportedAt: z.int().min(0).optional(),
    assignments: z.array(roleAssignmentSchema).max(200),
    /** Network printers probed on each discovery (they are not on a local bus to be listed). */
    printerAddresses: z.array(tcpAddressSchema).max(20),
    /** Serial lines probed as ESC/POS printers on each discovery (a listed port is never written to unless named here). */
    serialPrinters: z.array(serialPrinterSchema).max(20),
  })
  .strict()
  .refine((p) => new Set(p.assignments.map((a) => a.deviceId)).size === p.assignments.length, { message: 'one role per device', path: ['assignments'] });
export type DeviceProfile = z.infer<typeof deviceProfileSchema>;

export const emptyDeviceProfile: DeviceProfile = { format: DEVICE_PROFILE_FORMAT, version: DEVICE_PROFILE_VERSION, assignments: [], printerAddresses: [], serialPrinters: [] };

export const deviceTestResultSchema = z.object({
  deviceId: z.string(),
  action: deviceTestActionSchema,
  printer: printerStatusSchema.optional(),
  /** Bytes of the test page sent to the printer. */
  bytesSent: z.int().min(0).optional(),
  card: z.object({ reader: z.string(), present: z.boolean(), atr: z.string().optional() }).optional(),
  durationMs: z.int().min(0),
});
export type DeviceTestResult = z.infer<typeof deviceTestResultSchema>;

export const deviceLogTypeSchema = z.enum([
  'added',
  'removed',
  'state-changed',
  'role-set',
  'role-cleared',
  'profile-imported',
  'profile-exported',
  'profile-rejected',
  'test-ok',
  'test-failed',
  'source-unavailable',
  'bundle-exported',
]);
export type DeviceLogType = z.infer<typeof deviceLogTypeSchema>;

/** One line of the device event log: ids, kinds, event types and error codes only, never names or slips. */
export const deviceLogEntrySchema = z.object({
  at: z.int().min(0),
  type: deviceLogTypeSchema,
  deviceId: z.string().max(300).optional(),
  bus: deviceBusSchema.optional(),
  role: deviceRoleSchema.optional(),
  action: deviceTestActionSchema.optional(),
  source: z.string().max(40).optional(),
  state: deviceStateSchema.optional(),
  code: z.string().max(80).optional(),
});
export type DeviceLogEntry = z.infer<typeof deviceLogEntrySchema>;

export const permissionCheckSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'problem', 'warning', 'not-applicable']),
  /** What was checked, e.g. "/dev/ttyUSB0" or "dialout". */
  subject: z.string(),
  message: z.string(),
  messageEn: z.string(),
  /** The command that fixes it, when there is one. */
  fix: z.string().optional(),
});
export type PermissionCheck = z.infer<typeof permissionCheckSchema>;

export const permissionsReportSchema = z.object({ platform: z.string(), checks: z.array(permissionCheckSchema) });
export type PermissionsReport = z.infer<typeof permissionsReportSchema>;

/** A file the renderer offers as a download: the host decides its name and exact bytes. */
export const fileDownloadSchema = z.object({ fileName: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/), mimeType: z.string(), content: z.string() });

export const configuredPrinterSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  bus: deviceBusSchema,
  path: z.string().optional(),
  role: deviceRoleSchema.optional(),
  label: z.string().optional(),
  state: deviceStateSchema,
  simulated: z.boolean(),
  configured: z.boolean(),
  /** Assigned a printer role but not found at the last discovery. */
  missing: z.boolean(),
});
export type ConfiguredPrinter = z.infer<typeof configuredPrinterSchema>;

export const devicesChangedSchema = z.object({
  added: z.array(discoveredDeviceSchema),
  removed: z.array(discoveredDeviceSchema),
  changed: z.array(discoveredDeviceSchema),
  report: discoveryReportSchema,
});
export type DevicesChanged = z.infer<typeof devicesChangedSchema>;

const noInput = z.object({}).strict();

/**
 * Technician-only methods. The host cannot know who is signed in (sign-in happens in the renderer), so the role
 * gate is the renderer's: these methods are only offered on the supervisor/technician screen.
 */
export const deviceMethods = {
  'devices.discover': {
    input: z.object({ addresses: z.array(tcpAddressSchema).max(10).default([]), remember: z.boolean().default(false) }).strict(),
    output: discoveryReportSchema,
    summary: 'Look for devices now: local buses, the configured printer, remembered and given network addresses',
  },
  'devices.roles.get': { input: noInput, output: deviceProfileSchema, summary: "This counter's device profile: roles and probed addresses" },
  'devices.roles.set': {
    input: z
      .object({
        deviceId: z.string().min(1).max(300),
        role: deviceRoleSchema.nullable(),
        label: z.string().trim().max(100).optional(),
        /** Keep probing this serial line as an ESC/POS printer (paths that are printers, never any port). */
        serialPrinter: serialPrinterSchema.optional(),
      })
      .strict(),
    output: deviceProfileSchema,
    summary: 'Give a device a role at this counter (null clears it); saved at once',
  },
  'devices.profile.export': { input: noInput, output: fileDownloadSchema, summary: 'The device profile as a JSON file' },
  'devices.profile.import': {
    input: z.object({ content: z.string().max(1_000_000) }).strict(),
    output: deviceProfileSchema,
    summary: 'Replace the device profile with a file; a bad file changes nothing',
  },
  'devices.test': {
    input: z.object({ deviceId: z.string().min(1).max(300), action: deviceTestActionSchema }).strict(),
    output: deviceTestResultSchema,
    summary: 'Print a test page, read live status, or read a card’s ATR',
  },
  'devices.log': { input: z.object({ limit: z.int().min(1).max(1000).default(200) }).strict(), output: z.object({ entries: z.array(deviceLogEntrySchema) }), summary: 'Recent device events, newest last' },
  'devices.supportBundle': { input: noInput, output: fileDownloadSchema, summary: 'A JSON support bundle without personal data' },
  'devices.permissions': { input: noInput, output: permissionsReportSchema, summary: 'What stops the host from opening devices (udev, dialout, pcscd)' },
  'printer.list': {
    input: noInput,
    output: z.object({ printers: z.array(configuredPrinterSchema) }),
    summary: 'Printers the host knows: the configured one and those given a printer role',
  },
} satisfies MethodMap;

export const deviceEvents = { 'devices.changed': devicesChangedSchema, 'devices.log': deviceLogEntrySchema } satisfies EventMap;
