import { z } from 'zod';

/**
 * The subset of OpenADR 3.0.1 objects GridLens exports (programs, events, reports), checked by
 * zod before anything is written. Field names and enumerations follow the 3.0.1 OpenAPI schema.
 */
const dateTime = z.iso.datetime({ offset: true });
const duration = z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, 'ISO 8601 duration');
const objectId = z.string().regex(/^[a-zA-Z0-9_-]*$/).min(1).max(128);

export const valuesMapSchema = z.object({ type: z.string().min(1).max(128), values: z.array(z.union([z.number(), z.string(), z.boolean()])) });
export const intervalPeriodSchema = z.object({ start: dateTime, duration: duration.optional(), randomizeStart: duration.optional() });
export const intervalSchema = z.object({ id: z.number().int(), intervalPeriod: intervalPeriodSchema.optional(), payloads: z.array(valuesMapSchema).min(1) });

export const eventPayloadDescriptorSchema = z.object({
  objectType: z.literal('EVENT_PAYLOAD_DESCRIPTOR'), payloadType: z.string(), units: z.string().optional(), currency: z.string().optional(),
});
export const reportPayloadDescriptorSchema = z.object({
  objectType: z.literal('REPORT_PAYLOAD_DESCRIPTOR'), payloadType: z.string(), readingType: z.string().optional(), units: z.string().optional(),
  accuracy: z.number().optional(), confidence: z.number().int().min(0).max(100).optional(),
});

const objectBase = { id: objectId, createdDateTime: dateTime, modificationDateTime: dateTime };

export const programSchema = z.object({
  ...objectBase, objectType: z.literal('PROGRAM'), programName: z.string().min(1).max(128), programLongName: z.string().optional(),
  retailerName: z.string().optional(), programType: z.string().optional(), country: z.string().optional(), principalSubdivision: z.string().optional(),
  timeZoneOffset: duration.optional(), payloadDescriptors: z.array(eventPayloadDescriptorSchema).optional(), targets: z.array(valuesMapSchema).optional(),
});

export const eventSchema = z.object({
  ...objectBase, objectType: z.literal('EVENT'), programID: objectId, eventName: z.string().optional(), priority: z.number().int().min(0).optional(),
  targets: z.array(valuesMapSchema).optional(), payloadDescriptors: z.array(eventPayloadDescriptorSchema).optional(),
  reportDescriptors: z.array(z.object({ payloadType: z.string(), readingType: z.string().optional(), units: z.string().optional(), aggregate: z.boolean().optional(), historical: z.boolean().optional() })).optional(),
  intervalPeriod: intervalPeriodSchema.optional(), intervals: z.array(intervalSchema).min(1),
});

export const reportSchema = z.object({
  ...objectBase, objectType: z.literal('REPORT'), programID: objectId, eventID: objectId, clientName: z.string().min(1).max(128),
  reportName: z.string().optional(), payloadDescriptors: z.array(reportPayloadDescriptorSchema).optional(),
  resources: z.array(z.object({ resourceName: z.string().min(1).max(128), intervalPeriod: intervalPeriodSchema.optional(), intervals: z.array(intervalSchema) })),
});

/** What `gridlens dr export --format openadr3` prints. */
export const openAdr3ExportSchema = z.object({
  openadrVersion: z.literal('3.0.1'),
  programs: z.array(programSchema), events: z.array(eventSchema), reports: z.array(reportSchema),
});
export type OpenAdr3Export = z.infer<typeof openAdr3ExportSchema>;
