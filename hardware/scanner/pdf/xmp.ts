/** What the archive needs to know about a scanned document without opening its pages. */
export type DocumentMetadata = {
  readonly title: string;
  readonly recordCode?: string;
  readonly pageCount: number;
  readonly scannedAt: Date;
  readonly device: string;
  readonly documentId: string;
  readonly instanceId: string;
  readonly producer: string;
  readonly creatorTool: string;
};

export const MOTCUA_XMP_NS = 'https://motcua.vn/ns/scan/1.0/';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** XMP dates to the second, the same instant the Info dictionary carries (PDF/A wants both to agree). */
export const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The XMP packet of a PDF/A-2b document: pdfaid part 2 / conformance B, Dublin Core title, xmp dates, pdf
 * Producer, xmpMM ids, and our own properties (record code, page count, scan time, device). PDF/A accepts a
 * custom namespace only when the packet describes it, hence the pdfaExtension schema block.
 */
export function buildXmp(meta: DocumentMetadata): string {
  const date = xmpDate(meta.scannedAt);
  const property = (name: string, valueType: string, description: string) =>
    `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>${valueType}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`;
  return `<?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(meta.title)}</rdf:li></rdf:Alt></dc:title>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmp:CreatorTool>${escape(meta.creatorTool)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${escape(meta.producer)}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<xmpMM:DocumentID>uuid:${meta.documentId}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:${meta.instanceId}</xmpMM:InstanceID>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:motcua="${MOTCUA_XMP_NS}">
${meta.recordCode === undefined ? '' : `<motcua:RecordCode>${escape(meta.recordCode)}</motcua:RecordCode>\n`}<motcua:PageCount>${meta.pageCount}</motcua:PageCount>
<motcua:ScannedAt>${date}</motcua:ScannedAt>
<motcua:Device>${escape(meta.device)}</motcua:Device>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>MotCua scanned document</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${MOTCUA_XMP_NS}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>motcua</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${property('RecordCode', 'Text', 'Record (ho so) code the document belongs to')}
${property('PageCount', 'Integer', 'Pages kept after blank-page removal')}
${property('ScannedAt', 'Date', 'When the scan finished')}
${property('Device', 'Text', 'Scanner that produced the pages')}
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
