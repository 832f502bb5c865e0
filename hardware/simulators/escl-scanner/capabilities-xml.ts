/**
 * Capability and status documents in the shape real devices send (modelled on HP OfficeJet/LaserJet and Brother
 * answers seen in sane-airscan's bug reports: pwg:Version 2.63, sizes in 1/300 inch, one SettingProfile per
 * source, DocumentFormatExt beside pwg:DocumentFormat). sane-airscan reads this document, so its shape is tested
 * against a real eSCL client, not only ours.
 */
export const NS = 'xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03"';

export const simulatorResolutions = [75, 100, 150, 200, 300, 600] as const;
export const simulatorUuid = '4509a320-00a0-008f-00b6-00559a327d32';

/** A4 plus the usual overscan, in 1/300 inch. */
const MAX_WIDTH = 2550;
const MAX_HEIGHT = 3508;

function inputCaps(tag: string): string {
  const resolutions = simulatorResolutions
    .map((r) => `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`)
    .join('');
  return `<scan:${tag}>
      <scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>${MAX_WIDTH}</scan:MaxWidth>
      <scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>${MAX_HEIGHT}</scan:MaxHeight>
      <scan:MaxScanRegions>1</scan:MaxScanRegions>
      <scan:SettingProfiles><scan:SettingProfile>
        <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
        <scan:ContentTypes><pwg:ContentType>Photo</pwg:ContentType><pwg:ContentType>Text</pwg:ContentType><pwg:ContentType>TextAndPhoto</pwg:ContentType></scan:ContentTypes>
        <scan:DocumentFormats>
          <pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>image/png</pwg:DocumentFormat>
          <scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt><scan:DocumentFormatExt>image/png</scan:DocumentFormatExt>
        </scan:DocumentFormats>
        <scan:SupportedResolutions><scan:DiscreteResolutions>${resolutions}</scan:DiscreteResolutions></scan:SupportedResolutions>
        <scan:ColorSpaces><scan:ColorSpace>RGB</scan:ColorSpace></scan:ColorSpaces>
        <scan:CcdChannels><scan:CcdChannel>NTSC</scan:CcdChannel><scan:CcdChannel>GrayCcd</scan:CcdChannel></scan:CcdChannels>
      </scan:SettingProfile></scan:SettingProfiles>
      <scan:SupportedIntents><scan:Intent>Document</scan:Intent><scan:Intent>TextAndGraphic</scan:Intent><scan:Intent>Photo</scan:Intent><scan:Intent>Preview</scan:Intent></scan:SupportedIntents>
      <scan:MaxOpticalXResolution>600</scan:MaxOpticalXResolution><scan:MaxOpticalYResolution>600</scan:MaxOpticalYResolution>
      <scan:RiskyLeftMargin>34</scan:RiskyLeftMargin><scan:RiskyRightMargin>16</scan:RiskyRightMargin>
      <scan:RiskyTopMargin>34</scan:RiskyTopMargin><scan:RiskyBottomMargin>34</scan:RiskyBottomMargin>
    </scan:${tag}>`;
}

export function capabilitiesXml(baseUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities ${NS}>
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>MotCua eSCL Simulator DS-50</pwg:MakeAndModel>
  <pwg:SerialNumber>SIM0000001</pwg:SerialNumber>
  <scan:UUID>${simulatorUuid}</scan:UUID>
  <scan:AdminURI>${baseUrl.replace(/\/eSCL$/, '')}/</scan:AdminURI>
  <scan:Platen>${inputCaps('PlatenInputCaps')}</scan:Platen>
  <scan:Adf>
    ${inputCaps('AdfSimplexInputCaps')}
    ${inputCaps('AdfDuplexInputCaps')}
    <scan:FeederCapacity>50</scan:FeederCapacity>
    <scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>SelectSinglePage</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions>
  </scan:Adf>
</scan:ScannerCapabilities>
`;
}

export type SimulatedJobInfo = { readonly uuid: string; readonly state: 'Processing' | 'Completed' | 'Canceled' | 'Aborted'; readonly imagesCompleted: number; readonly reason: string };

export function statusXml(state: 'Idle' | 'Processing', adfState: string, jobs: readonly SimulatedJobInfo[]): string {
  const jobXml = jobs
    .map(
      (j) =>
        `<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/${j.uuid}</pwg:JobUri><pwg:JobUuid>${j.uuid}</pwg:JobUuid><scan:Age>1</scan:Age><pwg:ImagesCompleted>${j.imagesCompleted}</pwg:ImagesCompleted><pwg:ImagesToTransfer>0</pwg:ImagesToTransfer><pwg:JobState>${j.state}</pwg:JobState><pwg:JobStateReasons><pwg:JobStateReason>${j.reason}</pwg:JobStateReason></pwg:JobStateReasons></scan:JobInfo>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus ${NS}>
  <pwg:Version>2.63</pwg:Version>
  <pwg:State>${state}</pwg:State>
  <scan:AdfState>${adfState}</scan:AdfState>
  <scan:Jobs>${jobXml}</scan:Jobs>
</scan:ScannerStatus>
`;
}
