/**
 * Valid applications of the built-in items, as `POST /api/cases` bodies, for the API tests.
 * Every ID number and credit code here passes its check digit (GB 11643, GB 32100).
 */
import { computeCreditCodeCheck, computeResidentIdCheck } from '@banshi/forms';

export type AttachmentType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** One uploaded file as an attachment field holds it. */
export function attachment(blobId: string, contentType: AttachmentType = 'application/pdf') {
  const ext = contentType === 'application/pdf' ? 'pdf' : contentType.slice(6);
  return [{ blobId, name: `${blobId}.${ext}`, size: 120_000, contentType }];
}

/** A valid resident ID number (GB 11643) from its first 17 digits. */
export const residentId = (first17: string) => `${first17}${computeResidentIdCheck(first17)}`;

/** A valid unified social credit code (GB 32100) from its first 17 characters. */
export const creditCode = (first17: string) => `${first17}${computeCreditCodeCheck(first17)}`;

/** Sample people (schemas/reference/users.json) and a few more with valid numbers. */
export const people = {
  zhangsan: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001' },
  lisi: { name: '李四', idNumber: '150102199007150039', mobile: '13904710002' },
  lisiSpouse: { name: '王芳', idNumber: residentId('15010219920304002'), mobile: '13904710005' },
} as const;

export const claims = {
  disclosureHohhot: 'c-information-disclosure-150100',
  businessXincheng: 'c-individual-business-registration-150102',
  constructionHohhot: 'c-construction-permit-parallel-150100',
  seniorXincheng: 'c-senior-card-150102',
} as const;

/** 政府信息公开申请 by a citizen, to the Hohhot disclosure office (promised limit 15 working days). */
export function disclosureApplication(options: { description?: string; person?: keyof typeof people } = {}) {
  const person = people[options.person ?? 'zhangsan'];
  return {
    itemId: 'information-disclosure',
    claimId: claims.disclosureHohhot,
    data: {
      applicant: {
        kind: 'person',
        name: person.name,
        idNumber: person.idNumber,
        mobile: person.mobile,
        address: '呼和浩特市新城区海拉尔东路1号',
      },
      request: { description: options.description ?? '2025年呼和浩特市新城区老旧小区改造项目的资金安排文件' },
      delivery: { medium: 'electronic', method: 'online' },
      attachments: { identity: attachment('disclosure-id', 'image/jpeg') },
    },
  };
}

/** 个体工商户设立登记 by 李四 at the Xincheng market-regulation bureau; `family` adds a member. */
export function businessRegistration(options: { family?: boolean } = {}) {
  const family = options.family ?? false;
  return {
    itemId: 'individual-business-registration',
    claimId: claims.businessXincheng,
    data: {
      business: { name: '新城区李四便利店', organisationForm: family ? 'family' : 'personal', scope: '日用百货零售', capital: 50000, employees: 2 },
      premises: { address: '呼和浩特市新城区锡林南路18号', regionCode: '150102' },
      operator: people.lisi,
      ...(family ? { familyMembers: [{ name: people.lisiSpouse.name, idNumber: people.lisiSpouse.idNumber }] } : {}),
      attachments: {
        application: attachment('ibr-application'),
        operatorId: attachment('ibr-operator-id', 'image/jpeg'),
        premisesProof: attachment('ibr-premises'),
      },
    },
  };
}

/** The builder of the sample enterprise u-qingcheng (呼和浩特青城建筑工程有限公司). */
export const qingcheng = {
  name: '呼和浩特青城建筑工程有限公司',
  creditCode: '91150100MA13QW5E7R',
  legalRepresentative: '赵刚',
  contactName: '钱工',
  mobile: '13614710003',
} as const;

/** 工程建设项目施工许可阶段并联审批 by u-qingcheng to the Hohhot housing bureau (lead). */
export function constructionApplication(options: { hasBasement: boolean; name?: string }) {
  const { hasBasement } = options;
  return {
    itemId: 'construction-permit-parallel',
    claimId: claims.constructionHohhot,
    data: {
      project: {
        name: options.name ?? '青城花园3号住宅楼',
        code: '2026-150102-47-01-000123',
        nature: 'new',
        address: '呼和浩特市新城区成吉思汗大街88号',
        regionCode: '150102',
        landArea: 5200.5,
        buildingArea: 18600,
        height: 54.6,
        storeysAbove: 18,
        hasBasement,
        ...(hasBasement ? { storeysBelow: 2 } : {}),
        investment: 86_000_000,
      },
      builder: qingcheng,
      attachments: {
        applicationForm: attachment('cp-form'),
        landCertificate: attachment('cp-land'),
        generalPlan: attachment('cp-plan'),
        fireDesign: attachment('cp-fire'),
        ...(hasBasement ? { airDefenceDesign: attachment('cp-air-defence') } : {}),
        constructionContract: attachment('cp-contract'),
      },
    },
  };
}

/** 老年人优待证 for 张三 (born 1956) at the Xincheng civil-affairs bureau. */
export function seniorCardApplication() {
  const { name, idNumber, mobile } = people.zhangsan;
  return {
    itemId: 'senior-card',
    claimId: claims.seniorXincheng,
    data: {
      applicant: { name, idNumber, mobile, address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
      residenceType: 'hukou',
      attachments: { identity: attachment('id-front', 'image/jpeg'), photo: attachment('photo', 'image/jpeg') },
    },
  };
}
